#include <authkitqt/core/ConvexAuthKitSection.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace authkit {

namespace {

// User-visible text of this file, in the translation context lupdate files it under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConvexAuthKitSection)
};

// "line L, column C" of a byte offset, for a parse error a person can find.
QString position(const QByteArray &text, int offset)
{
    const QByteArray before = text.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = offset - int(before.lastIndexOf('\n'));
    return Text::tr("line %1, column %2").arg(line).arg(column);
}

// ${buildEnv.NAME} from the environment, as Convex's CLI fills them; nullopt when one is unset.
std::optional<QString> expandTemplates(const QString &value, const QProcessEnvironment &environment)
{
    static const QRegularExpression placeholder(
        QStringLiteral("\\$\\{buildEnv\\.([A-Za-z0-9_]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(value); it.hasNext();) {
        const auto match = it.next();
        const QString name = match.captured(1);
        if (!environment.contains(name))
            return std::nullopt;
        out += QStringView(value).mid(last, match.capturedStart() - last);
        out += environment.value(name);
        last = match.capturedEnd();
    }
    out += QStringView(value).mid(last);
    if (out.contains(QLatin1String("${")))
        return std::nullopt; // another kind of template (authEnv…): not ours to fill
    return out;
}

QString leftOut(const QString &key, const QString &value)
{
    return Text::tr("convex.json: %1 \"%2\" left out: its template is not set in the environment")
        .arg(key, value);
}

// A list of strings at authKit.<deployment>.configure.<key>, templates filled.
bool stringList(const QJsonObject &configure, const QString &path, const QString &key,
                const QProcessEnvironment &environment, QStringList *out, QStringList *warnings,
                QString *error)
{
    const QJsonValue value = configure.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const QJsonArray items = value.toArray();
    const bool allStrings = value.isArray()
                            && std::all_of(items.begin(), items.end(),
                                           [](const QJsonValue &item) { return item.isString(); });
    if (!allStrings) {
        *error = Text::tr("convex.json: %1.%2 must be a list of strings").arg(path, key);
        return false;
    }
    for (const QJsonValue &item : items) {
        if (const auto expanded = expandTemplates(item.toString(), environment))
            out->append(*expanded);
        else
            warnings->append(leftOut(key, item.toString()));
    }
    return true;
}

} // namespace

std::optional<ConvexAuthKitSection>
ConvexAuthKitSection::parse(const QByteArray &json, const QString &deployment,
                            const QProcessEnvironment &buildEnvironment, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Text::tr("convex.json is not valid JSON: %1 at %2")
                     .arg(parseError.errorString(), position(json, parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = Text::tr("convex.json must be a JSON object");
        return std::nullopt;
    }
    ConvexAuthKitSection section;
    const QJsonValue authKit = document.object().value(QStringLiteral("authKit"));
    if (authKit.isUndefined())
        return section; // a project without AuthKit settings
    const QJsonValue forDeployment = authKit.toObject().value(deployment);
    const QJsonValue configure = forDeployment.toObject().value(QStringLiteral("configure"));
    const QString path = QStringLiteral("authKit.%1.configure").arg(deployment);
    if (!authKit.isObject() || !(forDeployment.isUndefined() || forDeployment.isObject())
        || !(configure.isUndefined() || configure.isObject())) {
        *error = Text::tr("convex.json: authKit and %1 must be objects").arg(path);
        return std::nullopt;
    }
    const QJsonObject settings = configure.toObject();
    if (!stringList(settings, path, QStringLiteral("redirectUris"), buildEnvironment,
                    &section.redirectUris, &section.warnings, error)
        || !stringList(settings, path, QStringLiteral("corsOrigins"), buildEnvironment,
                       &section.corsOrigins, &section.warnings, error))
        return std::nullopt;
    const QJsonValue homepage = settings.value(QStringLiteral("appHomepageUrl"));
    if (!homepage.isUndefined() && !homepage.isNull()) {
        if (!homepage.isString()) {
            *error = Text::tr("convex.json: %1.appHomepageUrl must be a string").arg(path);
            return std::nullopt;
        }
        if (const auto expanded = expandTemplates(homepage.toString(), buildEnvironment))
            section.appHomepageUrl = *expanded;
        else
            section.warnings.append(leftOut(QStringLiteral("appHomepageUrl"), homepage.toString()));
    }
    return section;
}

std::optional<ConvexAuthKitSection>
ConvexAuthKitSection::readFile(const QString &path, const QString &deployment,
                               const QProcessEnvironment &buildEnvironment, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        *error = Text::tr("%1 is larger than %2 bytes").arg(path).arg(kMaxFileBytes);
        return std::nullopt;
    }
    QString why;
    auto section = parse(file.read(kMaxFileBytes), deployment, buildEnvironment, &why);
    if (!section)
        *error = QStringLiteral("%1 (%2)").arg(why, path);
    return section;
}

} // namespace authkit
