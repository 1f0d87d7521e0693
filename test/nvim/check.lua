-- Neovim 0.7 as a real LSP client of the bundled server: the outline of the sample page through
-- textDocument/documentSymbol, diagnostics that the server pushes (neovim 0.7 cannot pull them), and a code
-- action on a finding, applied to the buffer when the server offers a fix.
-- Run by test/nvim/run.mjs: nvim --headless --clean -c "luafile test/nvim/check.lua", with NEWSMARK_ROOT set
-- and NEWSMARK_SAMPLE naming a scratch copy of the sample page. Exits 0 when every check holds, 1 otherwise.

local root = assert(os.getenv('NEWSMARK_ROOT'), 'NEWSMARK_ROOT is not set')
local sample = assert(os.getenv('NEWSMARK_SAMPLE'), 'NEWSMARK_SAMPLE is not set')
local TIMEOUT = 20000
local FIRST_HEADLINE = '天津市生态环境局党组理论学习中心组开展党史专题学习研讨'
local ARTICLE_LINES = { 3, 29, 43, 61, 77, 99, 137 }

local failures = 0
local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end
local function check(ok, title, detail)
  if ok then
    out('  ok   ' .. title)
  else
    failures = failures + 1
    out('  FAIL ' .. title .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function finish()
  out(failures == 0 and 'nvim: all checks passed' or ('nvim: ' .. failures .. ' check(s) failed'))
  if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

-- Diagnostics as the server pushed them, kept per URI, then handed to neovim's own handler.
local pushed = {}
local initialized = false
local client_id = vim.lsp.start_client({
  name = 'newsmark',
  cmd = { 'node', root .. '/dist/server.js', '--stdio' },
  root_dir = vim.fn.fnamemodify(sample, ':h'),
  on_init = function() initialized = true end,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      pushed[result.uri] = result.diagnostics
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if not check(client_id ~= nil, 'the server starts') then return finish() end

vim.cmd('edit ' .. vim.fn.fnameescape(sample))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'newsmark'
vim.lsp.buf_attach_client(buf, client_id)
local uri = vim.uri_from_bufnr(buf)
if not check(vim.wait(TIMEOUT, function() return initialized end, 50), 'the server initializes') then return finish() end
local client = vim.lsp.get_client_by_id(client_id)

-- The outline.
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, TIMEOUT)
local symbols = responses and responses[client_id] and responses[client_id].result
if check(type(symbols) == 'table' and #symbols > 0, 'documentSymbol answers', vim.inspect(responses)) then
  local articles, photos = {}, 0
  for _, s in ipairs(symbols) do
    if s.kind == vim.lsp.protocol.SymbolKind.Module then table.insert(articles, s) end
    if s.kind == vim.lsp.protocol.SymbolKind.File then photos = photos + 1 end
  end
  check(#articles == 7, 'the outline has 7 articles', tostring(#articles))
  check(photos == 1, 'the outline has 1 photo', tostring(photos))
  check(articles[1] and articles[1].name == FIRST_HEADLINE, 'the first article is headed ' .. FIRST_HEADLINE, articles[1] and articles[1].name)
  local lines = {}
  for i, a in ipairs(articles) do lines[i] = a.selectionRange.start.line + 1 end
  check(vim.deep_equal(lines, ARTICLE_LINES), 'headlines sit on lines 3, 29, 43, 61, 77, 99, 137', table.concat(lines, ', '))
end

-- Pushed diagnostics.
local function find_pushed(code)
  for _, d in ipairs(pushed[uri] or {}) do
    if d.code == code then return d end
  end
end
vim.wait(TIMEOUT, function() return find_pushed('orphan-credit') ~= nil end, 50)
local orphan = find_pushed('orphan-credit')
if check(orphan ~= nil, 'the server pushes orphan-credit', vim.inspect(pushed[uri])) then
  check(orphan.range.start.line == 110, 'orphan-credit is on line 111', tostring(orphan.range.start.line + 1))
  local shown = false
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.lnum == 110 and d.source == 'newsmark' then shown = true end
  end
  check(shown, 'neovim shows the diagnostic on line 111')
end

-- Code actions: the request must succeed; a broken-wrap finding must come with a Join fix that edits the buffer.
local function code_actions(diagnostic)
  local params = {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic } },
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, TIMEOUT)
  local answer = res and res[client_id]
  return answer, answer and answer.result
end

if orphan then
  local answer, actions = code_actions(orphan)
  check(answer ~= nil and answer.err == nil and (actions == nil or type(actions) == 'table'), 'codeAction on orphan-credit succeeds', vim.inspect(answer))
end

local ink = function(lines) return (table.concat(lines, '\n'):gsub('%s+', '')) end
local wrap = find_pushed('broken-wrap')
if wrap then
  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local _, actions = code_actions(wrap)
  local join
  for _, a in ipairs(actions or {}) do
    if a.title and a.title:find('Join') and (a.edit or a.command) then join = a; break end
  end
  if check(join ~= nil, 'a Join fix is offered for broken-wrap on line ' .. (wrap.range.start.line + 1), vim.inspect(actions)) then
    if join.edit then
      vim.lsp.util.apply_workspace_edit(join.edit, client.offset_encoding)
    else
      client.request_sync('workspace/executeCommand', join.command, TIMEOUT, buf)
    end
    local after = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    check(#after < #before, 'applying it joins lines', #before .. ' -> ' .. #after)
    check(ink(after) == ink(before), 'applying it keeps every character but the break')
  end
elseif os.getenv('NEWSMARK_EXPECT_BROKEN_WRAP') == '1' then
  check(false, 'the server pushes broken-wrap (the bundle has the rule)', vim.inspect(pushed[uri]))
else
  out('  note this build has no broken-wrap rule, so there is no Join fix to apply')
end

vim.lsp.stop_client(client_id)
finish()
