#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

namespace authkit::detail {

// Text taken from a token or a key set (a kid, an issuer), made safe for a log line or an error
// message: control and format characters (CR, LF, ESC, bidi overrides) and lone surrogates
// become \uXXXX, a backslash is doubled, and long text is cut, so a hostile value can neither
// forge log lines nor flood them.
inline QString printable(QStringView text, qsizetype maxChars = 64)
{
    QString out;
    const QStringView head = text.left(maxChars);
    out.reserve(head.size() + 8);
    for (const QChar c : head) {
        const char16_t u = c.unicode();
        const bool escape = u < 0x20 || (u >= 0x7f && u < 0xa0) || c.isSurrogate()
                            || c.category() == QChar::Other_Format
                            || c.category() == QChar::Separator_Line
                            || c.category() == QChar::Separator_Paragraph
                            || c.category() == QChar::Other_NotAssigned;
        if (u == '\\')
            out += QLatin1String("\\\\");
        else if (escape)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > maxChars)
        out += QLatin1String("...");
    return out;
}

} // namespace authkit::detail
