#include "ui/terminalscreen.h"

#include <algorithm>
#include <cstring>

namespace ui {

namespace {

constexpr uint32_t kWideRightHalf = 0xffffffffu; // libvterm's mark for a wide character's 2nd cell

VTermColor rgb(const QColor &c)
{
    VTermColor out;
    vterm_color_rgb(&out, uint8_t(c.red()), uint8_t(c.green()), uint8_t(c.blue()));
    return out;
}

bool isBlank(const VTermScreenCell &cell)
{
    return cell.chars[0] == 0 && VTERM_COLOR_IS_DEFAULT_BG(&cell.bg) && !cell.attrs.reverse &&
           !cell.attrs.underline;
}

// xterm's 256-colour palette above the 16 (libvterm's own cube steps by 0x33): a 6x6x6 cube
// with levels 0, 95, 135, 175, 215, 255, then 24 greys 8 + 10n.
QColor xterm256(int index)
{
    if (index >= 232)
        return QColor(8 + 10 * (index - 232), 8 + 10 * (index - 232), 8 + 10 * (index - 232));
    const int cube = index - 16;
    auto level = [](int v) { return v == 0 ? 0 : 55 + 40 * v; };
    return QColor(level(cube / 36), level((cube / 6) % 6), level(cube % 6));
}

} // namespace

TerminalScreen::TerminalScreen(int rows, int columns, QObject *parent)
    : QObject(parent), m_vt(vterm_new(std::max(rows, 1), std::max(columns, 1))),
      m_rows(std::max(rows, 1)), m_columns(std::max(columns, 1))
{
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, &TerminalScreen::onOutput, this);
    m_screen = vterm_obtain_screen(m_vt);
    static const VTermScreenCallbacks callbacks = {
        &TerminalScreen::onDamage, nullptr, &TerminalScreen::onMoveCursor,
        &TerminalScreen::onSetTermProp, &TerminalScreen::onBell, nullptr,
        &TerminalScreen::onPushLine, &TerminalScreen::onPopLine};
    vterm_screen_set_callbacks(m_screen, &callbacks, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(m_screen, 1);
    // The 16 colours: a palette readable on the dark background (libvterm's default blue,
    // 0,0,224, is barely visible on it); VS Code's terminal uses the same one.
    static const QColor kPalette[16] = {
        {0, 0, 0},       {205, 49, 49},  {13, 188, 121}, {229, 229, 16},
        {36, 114, 200},  {188, 63, 188}, {17, 168, 205}, {229, 229, 229},
        {102, 102, 102}, {241, 76, 76},  {35, 209, 139}, {245, 245, 67},
        {59, 142, 234},  {214, 112, 214}, {41, 184, 219}, {255, 255, 255}};
    for (int i = 0; i < 16; ++i) {
        const VTermColor c = rgb(kPalette[i]);
        vterm_state_set_palette_color(vterm_obtain_state(m_vt), i, &c);
    }
    setDefaultColors(m_defaultFg, m_defaultBg);
    vterm_screen_reset(m_screen, 1);
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vt);
}

void TerminalScreen::setDefaultColors(const QColor &foreground, const QColor &background)
{
    m_defaultFg = foreground;
    m_defaultBg = background;
    const VTermColor fg = rgb(foreground);
    const VTermColor bg = rgb(background);
    vterm_state_set_default_colors(vterm_obtain_state(m_vt), &fg, &bg);
    emit damaged(QRect(0, 0, m_columns, m_rows));
}

void TerminalScreen::write(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    vterm_input_write(m_vt, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    if (std::exchange(m_scrollbackDirty, false))
        emit scrollbackChanged();
    flushOutput(); // answers to queries (device attributes, cursor position)
}

void TerminalScreen::resize(int rows, int columns)
{
    rows = std::max(rows, 1);
    columns = std::max(columns, 1);
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    vterm_set_size(m_vt, rows, columns);
    vterm_screen_flush_damage(m_screen);
    if (std::exchange(m_scrollbackDirty, false))
        emit scrollbackChanged();
    emit damaged(QRect(0, 0, m_columns, m_rows));
}

void TerminalScreen::setScrollbackLimit(int lines)
{
    lines = std::max(lines, 0);
    // Unroll the ring, keep the newest `lines`.
    std::vector<Line> ordered;
    const size_t keep = std::min(m_scrollback.size(), size_t(lines));
    ordered.reserve(keep);
    for (size_t i = m_scrollback.size() - keep; i < m_scrollback.size(); ++i)
        ordered.push_back(std::move(m_scrollback[(m_head + i) % m_scrollback.size()]));
    m_scrollback = std::move(ordered);
    m_head = 0;
    m_scrollbackLimit = lines;
    emit scrollbackChanged();
}

const TerminalScreen::Line &TerminalScreen::sbLine(int indexFromOldest) const
{
    return m_scrollback[(m_head + size_t(indexFromOldest)) % m_scrollback.size()];
}

TerminalCell TerminalScreen::toCell(const VTermScreenCell &raw) const
{
    TerminalCell cell;
    if (raw.chars[0] == kWideRightHalf) {
        cell.width = 0;
    } else {
        cell.width = raw.width > 0 ? raw.width : 1;
        for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && raw.chars[i]; ++i) {
            const char32_t c = raw.chars[i];
            cell.text += QString::fromUcs4(&c, 1);
        }
    }
    VTermColor fg = raw.fg;
    VTermColor bg = raw.bg;
    cell.defaultForeground = VTERM_COLOR_IS_DEFAULT_FG(&fg);
    cell.defaultBackground = VTERM_COLOR_IS_DEFAULT_BG(&bg);
    if (VTERM_COLOR_IS_INDEXED(&fg))
        cell.foregroundIndex = fg.indexed.idx;
    if (VTERM_COLOR_IS_INDEXED(&bg))
        cell.backgroundIndex = bg.indexed.idx;
    vterm_screen_convert_color_to_rgb(m_screen, &fg);
    vterm_screen_convert_color_to_rgb(m_screen, &bg);
    cell.foreground = cell.defaultForeground     ? m_defaultFg
                      : cell.foregroundIndex >= 16 ? xterm256(cell.foregroundIndex)
                                                   : QColor(fg.rgb.red, fg.rgb.green, fg.rgb.blue);
    cell.background = cell.defaultBackground     ? m_defaultBg
                      : cell.backgroundIndex >= 16 ? xterm256(cell.backgroundIndex)
                                                   : QColor(bg.rgb.red, bg.rgb.green, bg.rgb.blue);
    cell.bold = raw.attrs.bold;
    cell.italic = raw.attrs.italic;
    cell.underline = raw.attrs.underline != VTERM_UNDERLINE_OFF;
    cell.reverse = raw.attrs.reverse;
    cell.strike = raw.attrs.strike;
    return cell;
}

TerminalCell TerminalScreen::cell(int row, int column) const
{
    TerminalCell blank;
    blank.foreground = m_defaultFg;
    blank.background = m_defaultBg;
    if (column < 0 || column >= m_columns || row >= m_rows || row < -scrollbackSize())
        return blank;
    if (row < 0) {
        const Line &line = sbLine(scrollbackSize() + row);
        if (size_t(column) >= line.cells.size())
            return blank;
        return toCell(line.cells[size_t(column)]);
    }
    VTermScreenCell raw;
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, column}, &raw))
        return blank;
    return toCell(raw);
}

QString TerminalScreen::rowText(int row) const
{
    QString text;
    for (int c = 0; c < m_columns; ++c) {
        const TerminalCell cell = this->cell(row, c);
        if (cell.width == 0)
            continue;
        text += cell.text.isEmpty() ? QStringLiteral(" ") : cell.text;
    }
    while (text.endsWith(u' '))
        text.chop(1);
    return text;
}

QString TerminalScreen::screenText() const
{
    QStringList rows;
    rows.reserve(m_rows);
    for (int r = 0; r < m_rows; ++r)
        rows.append(rowText(r));
    return rows.join(u'\n');
}

void TerminalScreen::key(int vtermKey, int modifiers)
{
    vterm_keyboard_key(m_vt, VTermKey(vtermKey), VTermModifier(modifiers));
    flushOutput();
}

void TerminalScreen::character(uint codePoint, int modifiers)
{
    vterm_keyboard_unichar(m_vt, codePoint, VTermModifier(modifiers));
    flushOutput();
}

void TerminalScreen::mouse(int row, int column, int button, bool pressed, int modifiers)
{
    vterm_mouse_move(m_vt, row, column, VTermModifier(modifiers));
    if (button > 0)
        vterm_mouse_button(m_vt, button, pressed, VTermModifier(modifiers));
    flushOutput();
}

void TerminalScreen::paste(const QString &text)
{
    vterm_keyboard_start_paste(m_vt);
    flushOutput();
    // A terminal sends a pasted line end as CR, as the Enter key does.
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\r")).replace(u'\n', u'\r');
    m_pendingOutput += normalized.toUtf8();
    vterm_keyboard_end_paste(m_vt);
    flushOutput();
}

void TerminalScreen::flushOutput()
{
    if (!m_pendingOutput.isEmpty())
        emit output(std::exchange(m_pendingOutput, {}));
}

int TerminalScreen::onDamage(VTermRect rect, void *user)
{
    auto *self = static_cast<TerminalScreen *>(user);
    emit self->damaged(QRect(rect.start_col, rect.start_row, rect.end_col - rect.start_col,
                             rect.end_row - rect.start_row));
    return 1;
}

int TerminalScreen::onMoveCursor(VTermPos pos, VTermPos, int visible, void *user)
{
    auto *self = static_cast<TerminalScreen *>(user);
    self->m_cursor = QPoint(pos.col, pos.row);
    self->m_cursorVisible = visible;
    emit self->cursorChanged();
    return 1;
}

int TerminalScreen::onSetTermProp(VTermProp prop, VTermValue *value, void *user)
{
    auto *self = static_cast<TerminalScreen *>(user);
    switch (prop) {
    case VTERM_PROP_CURSORVISIBLE:
        self->m_cursorVisible = value->boolean;
        emit self->cursorChanged();
        break;
    case VTERM_PROP_CURSORBLINK:
        self->m_cursorBlink = value->boolean;
        emit self->cursorChanged();
        break;
    case VTERM_PROP_ALTSCREEN:
        self->m_altScreen = value->boolean;
        emit self->altScreenChanged(self->m_altScreen);
        break;
    case VTERM_PROP_MOUSE:
        self->m_mouseMode = value->number;
        break;
    case VTERM_PROP_TITLE:
        self->m_title = QString::fromUtf8(value->string);
        emit self->titleChanged(self->m_title);
        break;
    default:
        break;
    }
    return 1;
}

int TerminalScreen::onBell(void *user)
{
    emit static_cast<TerminalScreen *>(user)->bell();
    return 1;
}

int TerminalScreen::onPushLine(int cols, const VTermScreenCell *cells, void *user)
{
    auto *self = static_cast<TerminalScreen *>(user);
    if (self->m_scrollbackLimit <= 0)
        return 0;
    int used = cols;
    while (used > 0 && isBlank(cells[used - 1]))
        --used;
    ++self->m_scrolledOff;
    Line line;
    line.cells.assign(cells, cells + used);
    if (int(self->m_scrollback.size()) < self->m_scrollbackLimit) {
        self->m_scrollback.push_back(std::move(line));
    } else {
        // Full: the oldest line's slot takes the newest.
        self->m_scrollback[self->m_head] = std::move(line);
        self->m_head = (self->m_head + 1) % self->m_scrollback.size();
    }
    self->m_scrollbackDirty = true;
    return 1;
}

int TerminalScreen::onPopLine(int cols, VTermScreenCell *cells, void *user)
{
    auto *self = static_cast<TerminalScreen *>(user);
    if (self->m_scrollback.empty())
        return 0;
    // Oldest-first again (a full ring's head moves), then the newest comes off the end.
    std::rotate(self->m_scrollback.begin(),
                self->m_scrollback.begin() + std::ptrdiff_t(self->m_head),
                self->m_scrollback.end());
    self->m_head = 0;
    --self->m_scrolledOff;
    Line line = std::move(self->m_scrollback.back());
    self->m_scrollback.pop_back();
    VTermScreenCell blank;
    std::memset(&blank, 0, sizeof blank);
    blank.width = 1;
    blank.fg = rgb(self->m_defaultFg);
    blank.fg.type |= VTERM_COLOR_DEFAULT_FG;
    blank.bg = rgb(self->m_defaultBg);
    blank.bg.type |= VTERM_COLOR_DEFAULT_BG;
    for (int c = 0; c < cols; ++c)
        cells[c] = size_t(c) < line.cells.size() ? line.cells[size_t(c)] : blank;
    self->m_scrollbackDirty = true;
    return 1;
}

void TerminalScreen::onOutput(const char *bytes, size_t length, void *user)
{
    static_cast<TerminalScreen *>(user)->m_pendingOutput.append(bytes, qsizetype(length));
}

} // namespace ui
