#include "ConvexProject_p.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace authkit::emulator {

namespace {

constexpr qint64 kMaxFileBytes = 1024 * 1024;

// KEY=value lines of a dotenv file; comments, blanks and "export " prefixes as dotenv allows.
QHash<QString, QString> dotenv(const QByteArray &text)
{
    QHash<QString, QString> values;
    for (QString line : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QLatin1String("export ")))
            line = line.mid(7).trimmed();
        const int equals = line.indexOf(QLatin1Char('='));
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || equals < 1)
            continue;
        QString value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2
            && ((value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
                || (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))))) {
            value = value.mid(1, value.size() - 2);
        } else {
            const int comment = value.indexOf(QLatin1String(" #"));
            if (comment >= 0)
                value = value.left(comment).trimmed();
        }
        values.insert(line.left(equals).trimmed(), value);
    }
    return values;
}

// "line L, column C" of a byte offset, for a parse error a person can find.
QString position(const QByteArray &text, int offset)
{
    const QByteArray before = text.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = offset - int(before.lastIndexOf('\n'));
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

// ${buildEnv.NAME} from the environment, as Convex's CLI fills them; nullopt when one is unset.
std::optional<QString> expandTemplates(const QString &value)
{
    static const QRegularExpression placeholder(
        QStringLiteral("\\$\\{buildEnv\\.([A-Za-z0-9_]+)\\}"));
    QString out;
    int last = 0;
    for (auto it = placeholder.globalMatch(value); it.hasNext();) {
        const auto match = it.next();
        const QByteArray name = match.captured(1).toLatin1();
        if (!qEnvironmentVariableIsSet(name.constData()))
            return std::nullopt;
        out += QStringView(value).mid(last, match.capturedStart() - last);
        out += qEnvironmentVariable(name.constData());
        last = match.capturedEnd();
    }
    out += QStringView(value).mid(last);
    if (out.contains(QLatin1String("${")))
        return std::nullopt; // another kind of template (authEnv…): not ours to fill
    return out;
}

// A list of strings at authKit.dev.configure.<key>, templates filled.
bool stringList(const QJsonObject &configure, const QString &key, QStringList *out,
                QStringList *warnings, QString *error)
{
    const QJsonValue value = configure.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        *error = QStringLiteral("convex.json: authKit.dev.configure.%1 must be a list of strings")
                     .arg(key);
        return false;
    }
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            *error = QStringLiteral("convex.json: authKit.dev.configure.%1 must be a list of "
                                    "strings")
                         .arg(key);
            return false;
        }
        if (const auto expanded = expandTemplates(item.toString()))
            out->append(*expanded);
        else
            warnings->append(QStringLiteral("convex.json: %1 \"%2\" left out: its template is "
                                            "not set in the environment")
                                 .arg(key, item.toString()));
    }
    return true;
}

} // namespace

bool ConvexProject::readConvexJson(const QByteArray &json, ConvexProject *project, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("convex.json is not valid JSON: %1 at %2")
                     .arg(parseError.errorString(), position(json, parseError.offset));
        return false;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("convex.json must be a JSON object");
        return false;
    }
    const QJsonValue authKit = document.object().value(QStringLiteral("authKit"));
    if (authKit.isUndefined())
        return true; // a project without AuthKit settings
    // The emulator is a development environment: the "dev" section is the one that applies.
    const QJsonValue configure = authKit.toObject()
                                     .value(QStringLiteral("dev"))
                                     .toObject()
                                     .value(QStringLiteral("configure"));
    if (!authKit.isObject() || !(configure.isUndefined() || configure.isObject())) {
        *error = QStringLiteral("convex.json: authKit and authKit.dev.configure must be objects");
        return false;
    }
    const QJsonObject settings = configure.toObject();
    if (!stringList(settings, QStringLiteral("redirectUris"), &project->redirectUris,
                    &project->warnings, error)
        || !stringList(settings, QStringLiteral("corsOrigins"), &project->corsOrigins,
                       &project->warnings, error))
        return false;
    const QJsonValue homepage = settings.value(QStringLiteral("appHomepageUrl"));
    if (!homepage.isUndefined() && !homepage.isNull()) {
        if (!homepage.isString()) {
            *error = QStringLiteral("convex.json: authKit.dev.configure.appHomepageUrl must be a "
                                    "string");
            return false;
        }
        if (const auto expanded = expandTemplates(homepage.toString()))
            project->appHomepageUrl = *expanded;
        else
            project->warnings.append(QStringLiteral("convex.json: appHomepageUrl \"%1\" left "
                                                    "out: its template is not set in the "
                                                    "environment")
                                         .arg(homepage.toString()));
    }
    return true;
}

std::optional<ConvexProject> ConvexProject::read(const QString &dir, QString *error)
{
    const QDir folder(dir);
    if (!folder.exists()) {
        *error = QStringLiteral("--project: \"%1\" is not a folder").arg(dir);
        return std::nullopt;
    }
    ConvexProject project;
    bool found = false;
    QFile env(folder.filePath(QStringLiteral(".env.local")));
    if (env.exists()) {
        if (!env.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--project: cannot read %1: %2")
                         .arg(env.fileName(), env.errorString());
            return std::nullopt;
        }
        found = true;
        const QHash<QString, QString> values = dotenv(env.read(kMaxFileBytes));
        for (const char *key :
             {"WORKOS_CLIENT_ID", "VITE_WORKOS_CLIENT_ID", "NEXT_PUBLIC_WORKOS_CLIENT_ID"}) {
            const QString value = values.value(QLatin1String(key));
            if (!value.isEmpty() && !project.clientIds.contains(value))
                project.clientIds.append(value);
        }
        for (const char *key : {"WORKOS_REDIRECT_URI", "VITE_WORKOS_REDIRECT_URI",
                                "NEXT_PUBLIC_WORKOS_REDIRECT_URI"}) {
            const QString value = values.value(QLatin1String(key));
            if (!value.isEmpty() && !project.redirectUris.contains(value))
                project.redirectUris.append(value);
        }
    }
    QFile convexJson(folder.filePath(QStringLiteral("convex.json")));
    if (convexJson.exists()) {
        if (!convexJson.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--project: cannot read %1: %2")
                         .arg(convexJson.fileName(), convexJson.errorString());
            return std::nullopt;
        }
        found = true;
        QString why;
        if (!readConvexJson(convexJson.read(kMaxFileBytes), &project, &why)) {
            *error = QStringLiteral("--project: %1 (%2)").arg(why, convexJson.fileName());
            return std::nullopt;
        }
    }
    if (!found) {
        *error = QStringLiteral("--project: no .env.local or convex.json in \"%1\"").arg(dir);
        return std::nullopt;
    }
    return project;
}

} // namespace authkit::emulator
