#include "ConvexDatabase_p.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace authkit::emulator {

using convex::ConvexValue;

namespace {

quint64 nowNanos()
{
    return quint64(QDateTime::currentMSecsSinceEpoch()) * 1000000u;
}

ConvexValue text(const QVariant &value)
{
    return value.isNull() ? ConvexValue() : ConvexValue::fromString(value.toString());
}

QVariant optionalText(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty() ? QVariant(value.toString())
                                                           : QVariant();
}

// What a person is called: "First Last" when WorkOS knows either, else the e-mail.
QString displayName(const QString &firstName, const QString &lastName, const QString &email)
{
    const QString name = QString(firstName + QLatin1Char(' ') + lastName).trimmed();
    return name.isEmpty() ? email : name;
}

} // namespace

ConvexDatabase::ConvexDatabase()
    : m_connectionName(QStringLiteral("authkit-convex-")
                       + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_latestTs(nowNanos())
{
}

ConvexDatabase::~ConvexDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ConvexDatabase::open(const QString &path, QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path.isEmpty() ? QStringLiteral(":memory:") : path);
    if (!m_db.open()) {
        *error = QStringLiteral("cannot open the Convex database %1: %2")
                     .arg(path.isEmpty() ? QStringLiteral("in memory") : path,
                          m_db.lastError().text());
        return false;
    }
    QSqlQuery query(m_db);
    if (!path.isEmpty()) {
        // The tables must survive a restart of the emulator, not a power cut: with a write-ahead
        // log and synchronous=NORMAL a commit does not wait for the disk, so a mutation's time is
        // the deployment's work rather than two fsyncs (it runs two statements, each a commit).
        query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
    const QStringList schema{
        QStringLiteral("CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, creation_time REAL, "
                       "token_identifier TEXT UNIQUE, name TEXT, email TEXT, subject TEXT, "
                       "issuer TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, "
                       "creation_time REAL, author TEXT, body TEXT, user_id TEXT, author_id TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS workos_users (id TEXT PRIMARY KEY, "
                       "creation_time REAL, email TEXT, first_name TEXT, last_name TEXT, "
                       "profile_picture_url TEXT, updated_at TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER)"),
    };
    for (const QString &statement : schema) {
        if (!query.exec(statement)) {
            *error = QStringLiteral("cannot set up the Convex database: %1")
                         .arg(query.lastError().text());
            return false;
        }
    }
    // A database from before the WorkOS component lacks the author's WorkOS id: added (an
    // error here only means the column is there).
    query.exec(QStringLiteral("ALTER TABLE messages ADD COLUMN author_id TEXT"));
    // A restart never goes back in time, whatever the wall clock says.
    if (query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'latest_ts'")) && query.next())
        m_latestTs = qMax(m_latestTs, query.value(0).toULongLong() + 1);
    return true;
}

quint64 ConvexDatabase::commit()
{
    m_latestTs = qMax(m_latestTs + 1, nowNanos());
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('latest_ts', ?)"));
    query.addBindValue(qint64(m_latestTs));
    query.exec();
    return m_latestTs;
}

QString ConvexDatabase::newId() const
{
    // Convex ids are opaque strings of lower-case base32; 32 characters look the part.
    static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    QString id;
    for (int i = 0; i < 32; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]));
    return id;
}

std::optional<ConvexValue> ConvexDatabase::userByTokenIdentifier(const QString &tokenIdentifier)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, creation_time, token_identifier, name, email, subject, "
                                 "issuer FROM users WHERE token_identifier = ?"));
    query.addBindValue(tokenIdentifier);
    if (!query.exec() || !query.next())
        return std::nullopt;
    ConvexValue::Object user{
        {QStringLiteral("_id"), ConvexValue::fromString(query.value(0).toString())},
        {QStringLiteral("_creationTime"), ConvexValue::fromFloat64(query.value(1).toDouble())},
        {QStringLiteral("tokenIdentifier"), text(query.value(2))},
        {QStringLiteral("name"), text(query.value(3))},
    };
    if (!query.value(4).isNull())
        user.insert(QStringLiteral("email"), text(query.value(4)));
    return ConvexValue::fromObject(user);
}

QString ConvexDatabase::insertUser(const ConvexValue::Object &fields)
{
    const QString id = newId();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO users (id, creation_time, token_identifier, name, "
                                 "email, subject, issuer) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(double(QDateTime::currentMSecsSinceEpoch()));
    for (const char *field : {"tokenIdentifier", "name", "email", "subject", "issuer"}) {
        const ConvexValue value = fields.value(QLatin1String(field));
        query.addBindValue(value.isString() ? QVariant(value.toString()) : QVariant());
    }
    query.exec();
    return id;
}

void ConvexDatabase::updateUserName(const QString &id, const QString &name)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE users SET name = ? WHERE id = ?"));
    query.addBindValue(name);
    query.addBindValue(id);
    query.exec();
}

ConvexValue::Array ConvexDatabase::messages(int limit)
{
    QSqlQuery query(m_db);
    // The author's name comes from the WorkOS users table, by the writer's WorkOS id (or, for
    // a message from before that was kept, through the app user's subject).
    query.prepare(QStringLiteral(
        "SELECT m.id, m.creation_time, m.author, m.body, COALESCE(m.author_id, u.subject), "
        "w.first_name, w.last_name, w.email, w.id FROM (SELECT rowid AS r, * FROM messages "
        "ORDER BY rowid DESC LIMIT ?) m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN "
        "workos_users w ON w.id = COALESCE(m.author_id, u.subject) ORDER BY m.r ASC"));
    query.addBindValue(limit);
    ConvexValue::Array list;
    if (!query.exec())
        return list;
    while (query.next()) {
        ConvexValue::Object message{
            {QStringLiteral("_id"), ConvexValue::fromString(query.value(0).toString())},
            {QStringLiteral("_creationTime"), ConvexValue::fromFloat64(query.value(1).toDouble())},
            {QStringLiteral("author"), text(query.value(2))},
            {QStringLiteral("body"), text(query.value(3))},
        };
        if (!query.value(4).isNull())
            message.insert(QStringLiteral("authorId"), text(query.value(4)));
        if (!query.value(8).isNull())
            message.insert(QStringLiteral("authorName"),
                           ConvexValue::fromString(displayName(query.value(5).toString(),
                                                               query.value(6).toString(),
                                                               query.value(7).toString())));
        list.append(ConvexValue::fromObject(message));
    }
    return list;
}

QString ConvexDatabase::insertMessage(const QString &author, const QString &body,
                                      const QString &userId, const QString &authorId)
{
    const QString id = newId();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO messages (id, creation_time, author, body, user_id, "
                                 "author_id) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(double(QDateTime::currentMSecsSinceEpoch()));
    query.addBindValue(author);
    query.addBindValue(body);
    query.addBindValue(userId.isEmpty() ? QVariant() : QVariant(userId));
    query.addBindValue(authorId.isEmpty() ? QVariant() : QVariant(authorId));
    query.exec();
    return id;
}

void ConvexDatabase::upsertWorkOsUser(const QJsonObject &data)
{
    QSqlQuery query(m_db);
    // The row keeps its creation time across updates, as a Convex patch does.
    query.prepare(QStringLiteral(
        "INSERT INTO workos_users (id, creation_time, email, first_name, last_name, "
        "profile_picture_url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
        "SET email = excluded.email, first_name = excluded.first_name, last_name = "
        "excluded.last_name, profile_picture_url = excluded.profile_picture_url, updated_at = "
        "excluded.updated_at"));
    query.addBindValue(data.value(QStringLiteral("id")).toString());
    query.addBindValue(double(QDateTime::currentMSecsSinceEpoch()));
    for (const char *field :
         {"email", "first_name", "last_name", "profile_picture_url", "updated_at"})
        query.addBindValue(optionalText(data.value(QLatin1String(field))));
    query.exec();
}

void ConvexDatabase::deleteWorkOsUser(const QString &workosUserId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM workos_users WHERE id = ?"));
    query.addBindValue(workosUserId);
    query.exec();
}

std::optional<ConvexValue> ConvexDatabase::workOsUser(const QString &workosUserId)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT id, email, first_name, last_name FROM workos_users WHERE id = ?"));
    query.addBindValue(workosUserId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    ConvexValue::Object user{
        {QStringLiteral("id"), text(query.value(0))},
        {QStringLiteral("email"), text(query.value(1))},
        {QStringLiteral("name"),
         ConvexValue::fromString(displayName(query.value(2).toString(), query.value(3).toString(),
                                             query.value(1).toString()))},
    };
    if (!query.value(2).isNull())
        user.insert(QStringLiteral("firstName"), text(query.value(2)));
    if (!query.value(3).isNull())
        user.insert(QStringLiteral("lastName"), text(query.value(3)));
    return ConvexValue::fromObject(user);
}

} // namespace authkit::emulator
