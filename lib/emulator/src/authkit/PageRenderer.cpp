#include "PageRenderer_p.h"

#include <QFile>
#include <QRegularExpression>

namespace authkit::emulator {

QString PageRenderer::load(const QString &name)
{
    QFile file(QStringLiteral(":/authkit-emulator/pages/%1.html").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("<p>Missing page template %1.</p>").arg(name.toHtmlEscaped());
    return QString::fromUtf8(file.readAll());
}

QString PageRenderer::fill(const QString &text, const Values &values)
{
    // One pass that never re-scans an inserted value (values may contain braces).
    static const QRegularExpression placeholder(
        QStringLiteral("\\{\\{\\{([a-z_]+)\\}\\}\\}|\\{\\{([a-z_]+)\\}\\}"));
    QString out;
    int last = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        const bool raw = match.capturedLength(1) > 0;
        const QString value = values.value(raw ? match.captured(1) : match.captured(2));
        out += raw ? value : value.toHtmlEscaped();
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QByteArray PageRenderer::render(const QString &page, const QString &title, Values values)
{
    values.insert(QStringLiteral("title"), title);
    values.insert(QStringLiteral("error_hidden"),
                  values.value(QStringLiteral("error")).isEmpty() ? QStringLiteral("hidden")
                                                                  : QString());
    values.insert(QStringLiteral("content"), fill(load(page), values));
    return fill(load(QStringLiteral("layout")), values).toUtf8();
}

} // namespace authkit::emulator
