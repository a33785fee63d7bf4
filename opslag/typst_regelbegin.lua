-- Used by opslag/omzetten.py for PDF. Pandoc's Typst writer escapes a marker that starts a
-- paragraph line ('- ', '+ ', '/ ', '= ', '1. '), but not one at the start of a table cell or a
-- list item, where Typst reads it as a list, term or heading too: '[- x]' is a bullet, '[/ x]'
-- does not even compile. Escape the first character of every such block with a backslash.
local function escape_begin(blok)
  local eerste = blok.content[1]
  if eerste and eerste.t == "Str" then
    local teken = eerste.text:sub(1, 1)
    if teken:match("^[-+/=]$") or eerste.text:match("^%d+[.)]") then
      local rest = eerste.text:sub(2)
      blok.content[1] = pandoc.RawInline("typst", "\\" .. teken)
      if rest ~= "" then
        blok.content:insert(2, pandoc.Str(rest))
      end
      return blok
    end
  end
end

return { { Plain = escape_begin, Para = escape_begin } }
