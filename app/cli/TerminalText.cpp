#include "TerminalText.h"

#include <QList>

namespace TerminalText {

namespace {
bool isUnsafe(char32_t c)
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        return true;
    // Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e
           || c == 0x200f || c == 0x061c;
}
} // namespace

QString sanitize(const QString &text)
{
    QString result;
    result.reserve(text.size());
    const QList<uint> codePoints = text.toUcs4();
    for (const uint codePoint : codePoints) {
        const char32_t c = codePoint;
        if (isUnsafe(c))
            result.append(QChar(0xfffd));
        else
            result.append(QString::fromUcs4(&c, 1));
    }
    return result;
}

} // namespace TerminalText
