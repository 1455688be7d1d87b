#include "ConvexFunctions_p.h"

#include "ConvexDatabase_p.h"

#include <authkitqt/convex/ClientMessages.h>

namespace authkit::emulator {

using convex::ConvexValue;

namespace {

const QString kUsers = QStringLiteral("users");
const QString kMessages = QStringLiteral("messages");
const QString kWorkOsUsers = QStringLiteral("workos_users");

ConvexFunctionResult ok(const ConvexValue &value)
{
    ConvexFunctionResult result;
    result.success = true;
    result.value = value;
    return result;
}

// A JS `throw new Error(message)` reaches the client as "Uncaught Error: <message>".
ConvexFunctionResult thrown(const QString &message)
{
    ConvexFunctionResult result;
    result.errorMessage = QStringLiteral("Uncaught Error: ") + message;
    return result;
}

QString attribute(const ConvexIdentity &identity, const char *name)
{
    return identity.attributes.value(QLatin1String(name)).toString();
}

std::optional<ConvexFunctions::Kind> definedKind(const QString &path)
{
    using Kind = ConvexFunctions::Kind;
    static const QHash<QString, Kind> kinds{
        {QStringLiteral("users:store"), Kind::Mutation},
        {QStringLiteral("users:viewer"), Kind::Query},
        {QStringLiteral("messages:list"), Kind::Query},
        {QStringLiteral("messages:send"), Kind::Mutation},
        {QStringLiteral("demo:echo"), Kind::Action},
    };
    const auto it = kinds.find(path);
    return it == kinds.end() ? std::nullopt : std::optional<Kind>(*it);
}

} // namespace

ConvexFunctions::ConvexFunctions(ConvexDatabase &database)
    : m_db(database)
{
}

std::optional<ConvexFunctions::Kind> ConvexFunctions::kindOf(const QString &udfPath)
{
    return definedKind(convex::protocol::canonicalizeUdfPath(udfPath));
}

ConvexFunctionResult ConvexFunctions::applyWorkOsEvent(const QJsonObject &event)
{
    const QString type = event.value(QStringLiteral("event")).toString();
    const QJsonObject data = event.value(QStringLiteral("data")).toObject();
    const QString userId = data.value(QStringLiteral("id")).toString();
    ConvexFunctionResult result = ok(ConvexValue());
    if (type == QLatin1String("user.created") || type == QLatin1String("user.updated")) {
        if (userId.isEmpty())
            return thrown(QStringLiteral("%1 without data.id").arg(type));
        m_db.upsertWorkOsUser(data);
        result.writtenTables.insert(kWorkOsUsers);
    } else if (type == QLatin1String("user.deleted")) {
        if (userId.isEmpty())
            return thrown(QStringLiteral("%1 without data.id").arg(type));
        m_db.deleteWorkOsUser(userId);
        result.writtenTables.insert(kWorkOsUsers);
    }
    if (!result.writtenTables.isEmpty())
        result.ts = m_db.commit();
    return result;
}

QString ConvexFunctions::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Query: return QStringLiteral("Query");
    case Kind::Mutation: return QStringLiteral("Mutation");
    case Kind::Action: return QStringLiteral("Action");
    }
    return {};
}

ConvexFunctionResult ConvexFunctions::run(Kind kind, const QString &udfPath,
                                          const ConvexValue &args,
                                          const std::optional<ConvexIdentity> &identity)
{
    const QString path = convex::protocol::canonicalizeUdfPath(udfPath);
    const std::optional<Kind> defined = definedKind(path);
    if (!defined) {
        ConvexFunctionResult result;
        result.errorMessage = QStringLiteral("Could not find public function for '%1'. Did you "
                                             "forget to run `npx convex dev` or `npx convex "
                                             "deploy`?")
                                  .arg(path);
        return result;
    }
    if (*defined != kind) {
        ConvexFunctionResult result;
        result.errorMessage = QStringLiteral("Trying to execute %1 as %2, but it is defined as %3.")
                                  .arg(path, kindName(kind), kindName(*defined));
        return result;
    }

    ConvexFunctionResult result;
    if (path == QLatin1String("users:viewer")) {
        // The caller's identity and stored user; null for a signed-out caller.
        if (!identity) {
            result = ok(ConvexValue());
        } else {
            ConvexValue::Object viewer;
            for (const char *field : {"tokenIdentifier", "subject", "issuer", "email"}) {
                if (identity->attributes.contains(QLatin1String(field)))
                    viewer.insert(QLatin1String(field),
                                  ConvexValue::fromString(attribute(*identity, field)));
            }
            viewer.insert(QStringLiteral("user"),
                          m_db.userByTokenIdentifier(attribute(*identity, "tokenIdentifier"))
                              .value_or(ConvexValue()));
            // The WorkOS profile the component synced: the caller's name and e-mail.
            if (const auto profile = m_db.workOsUser(attribute(*identity, "subject"))) {
                viewer.insert(QStringLiteral("name"), profile->value(QStringLiteral("name")));
                viewer.insert(QStringLiteral("profile"), *profile);
            }
            result = ok(ConvexValue::fromObject(viewer));
        }
        result.readTables.insert(kUsers);
        result.readTables.insert(kWorkOsUsers);
    } else if (path == QLatin1String("users:store")) {
        if (!identity)
            return thrown(QStringLiteral("Called storeUser without authentication present"));
        const QString tokenIdentifier = attribute(*identity, "tokenIdentifier");
        const QString email = attribute(*identity, "email");
        QString name = attribute(*identity, "name");
        if (name.isEmpty())
            name = email.isEmpty() ? attribute(*identity, "subject") : email;
        result.readTables.insert(kUsers);
        if (const auto user = m_db.userByTokenIdentifier(tokenIdentifier)) {
            const QString id = user->value(QStringLiteral("_id")).toString();
            if (user->value(QStringLiteral("name")).toString() != name) {
                m_db.updateUserName(id, name);
                result.writtenTables.insert(kUsers);
            }
            result.success = true;
            result.value = ConvexValue::fromString(id);
        } else {
            ConvexValue::Object fields{
                {QStringLiteral("tokenIdentifier"), ConvexValue::fromString(tokenIdentifier)},
                {QStringLiteral("name"), ConvexValue::fromString(name)},
                {QStringLiteral("subject"), ConvexValue::fromString(attribute(*identity, "subject"))},
                {QStringLiteral("issuer"), ConvexValue::fromString(attribute(*identity, "issuer"))},
            };
            if (!email.isEmpty())
                fields.insert(QStringLiteral("email"), ConvexValue::fromString(email));
            result.success = true;
            result.value = ConvexValue::fromString(m_db.insertUser(fields));
            result.writtenTables.insert(kUsers);
        }
    } else if (path == QLatin1String("messages:list")) {
        result = ok(ConvexValue::fromArray(m_db.messages(100)));
        result.readTables.insert(kMessages);
        result.readTables.insert(kUsers); // the authors' names come through these two
        result.readTables.insert(kWorkOsUsers);
    } else if (path == QLatin1String("messages:send")) {
        const ConvexValue body = args.value(QStringLiteral("body"));
        if (!body.isString()) {
            ConvexFunctionResult invalid;
            invalid.errorMessage =
                body.isNull() && !args.contains(QStringLiteral("body"))
                    ? QStringLiteral("ArgumentValidationError: Object is missing the required "
                                     "field `body`.")
                    : QStringLiteral("ArgumentValidationError: Value does not match validator.\n"
                                     "Path: .body\nValidator: v.string()");
            return invalid;
        }
        if (!identity)
            return thrown(QStringLiteral("Not authenticated"));
        const auto user = m_db.userByTokenIdentifier(attribute(*identity, "tokenIdentifier"));
        QString author = user ? user->value(QStringLiteral("name")).toString() : QString();
        if (author.isEmpty())
            author = attribute(*identity, "email");
        if (author.isEmpty())
            author = attribute(*identity, "subject");
        const QString userId = user ? user->value(QStringLiteral("_id")).toString() : QString();
        result = ok(ConvexValue::fromString(m_db.insertMessage(
            author, body.toString(), userId, attribute(*identity, "subject"))));
        result.readTables.insert(kUsers);
        result.writtenTables.insert(kMessages);
    } else if (path == QLatin1String("demo:echo")) {
        // An action: no database, the args back and who called.
        result = ok(ConvexValue::fromObject(
            {{QStringLiteral("args"), args},
             {QStringLiteral("subject"), identity ? ConvexValue::fromString(
                                                        attribute(*identity, "subject"))
                                                  : ConvexValue()}}));
        result.logLines.append(QStringLiteral("[LOG] 'echo'"));
    }
    if (!result.writtenTables.isEmpty())
        result.ts = m_db.commit();
    return result;
}

} // namespace authkit::emulator
