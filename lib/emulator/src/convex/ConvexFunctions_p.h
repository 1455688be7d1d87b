#pragma once

#include "ConvexTokenValidator_p.h"

#include <authkitqt/convex/ConvexValue.h>

#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace authkit::emulator {

class ConvexDatabase;

// What one function run gave: a value or an error, the tables it read (for invalidation) and
// whether it wrote (then `ts` is the commit timestamp).
struct ConvexFunctionResult
{
    bool success = false;
    convex::ConvexValue value;
    QString errorMessage;
    std::optional<convex::ConvexValue> errorData;
    QStringList logLines;
    QSet<QString> readTables;
    QSet<QString> writtenTables;
    quint64 ts = 0;
};

// The demo functions, in C++, as the Convex tutorials write them in TypeScript:
// users:store (mutation), users:viewer (query), messages:list (query), messages:send
// (mutation, {body}) and demo:echo (action).
class ConvexFunctions
{
public:
    enum class Kind { Query, Mutation, Action };

    explicit ConvexFunctions(ConvexDatabase &database);

    // identity is null when the caller is not authenticated.
    ConvexFunctionResult run(Kind kind, const QString &udfPath, const convex::ConvexValue &args,
                             const std::optional<ConvexIdentity> &identity);

    // The @convex-dev/workos-authkit component's event handler: user.created/user.updated
    // upsert the WorkOS users table, user.deleted removes the row; other events are accepted
    // and change nothing. event is the verified webhook body ({id, event, data, …}).
    ConvexFunctionResult applyWorkOsEvent(const QJsonObject &event);

    static QString kindName(Kind kind);
    // What a path is defined as; nullopt for no such function.
    static std::optional<Kind> kindOf(const QString &udfPath);

private:
    ConvexDatabase &m_db;
};

} // namespace authkit::emulator
