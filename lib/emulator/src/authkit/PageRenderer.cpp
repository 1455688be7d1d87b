#include "PageRenderer_p.h"

#include <QFile>
#include <QRegularExpression>

namespace authkit::emulator {

namespace {

// {{{raw}}}, {{escaped}} or {{_ text to translate}}.
const QRegularExpression &placeholder()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\{\\{\\{([a-z_]+)\\}\\}\\}|\\{\\{([a-z_]+)\\}\\}|\\{\\{_ ([^{}]+)\\}\\}"));
    return pattern;
}

} // namespace

QString PageRenderer::load(const QString &name)
{
    QFile file(QStringLiteral(":/authkit-emulator/pages/%1.html").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("<p>Missing page template %1.</p>").arg(name.toHtmlEscaped());
    return QString::fromUtf8(file.readAll());
}

QStringList PageRenderer::textsOf(const QString &page)
{
    QStringList texts;
    for (auto it = placeholder().globalMatch(load(page)); it.hasNext();) {
        const auto match = it.next();
        if (match.capturedLength(3) > 0)
            texts.append(match.captured(3));
    }
    return texts;
}

QString PageRenderer::fill(const QString &text, const PageLanguage &language, const Values &values)
{
    // One pass that never re-scans an inserted value (values may contain braces).
    QString out;
    int last = 0;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        if (match.capturedLength(3) > 0) {
            out += language.tr(match.captured(3).toUtf8().constData()).toHtmlEscaped();
        } else {
            const bool raw = match.capturedLength(1) > 0;
            const QString value = values.value(raw ? match.captured(1) : match.captured(2));
            out += raw ? value : value.toHtmlEscaped();
        }
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QByteArray PageRenderer::render(const QString &page, const PageLanguage &language,
                                const QString &title, Values values)
{
    values.insert(QStringLiteral("title"), title);
    values.insert(QStringLiteral("lang"), language.code());
    values.insert(QStringLiteral("error_hidden"),
                  values.value(QStringLiteral("error")).isEmpty() ? QStringLiteral("hidden")
                                                                  : QString());
    values.insert(QStringLiteral("content"), fill(load(page), language, values));
    return fill(load(QStringLiteral("layout")), language, values).toUtf8();
}

HttpResponse PageRenderer::response(int status, const QString &page, const PageLanguage &language,
                                    const QString &title, Values values)
{
    HttpResponse response =
        HttpResponse::html(status, render(page, language, title, std::move(values)));
    response.withHeader("Content-Language", language.code().toLatin1());
    response.withHeader("Vary", "Accept-Language");
    return response;
}

} // namespace authkit::emulator
