#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQuery.h>
#include <authkitqt/convex/ConvexQueryModel.h>

#include "ConvexLogging_p.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

#include <algorithm>

Q_LOGGING_CATEGORY(lcConvexModel, "authkit.convex.model")

namespace authkit::convex {

namespace {

// What identifies a row across updates: its document id, or else its whole value.
bool sameRow(const ConvexValue &lhs, const ConvexValue &rhs)
{
    const QString id = QStringLiteral("_id");
    if (lhs.contains(id) || rhs.contains(id))
        return lhs.value(id) == rhs.value(id);
    return lhs == rhs;
}

QStringList keysOf(const QList<ConvexValue> &rows)
{
    QSet<QString> keys;
    for (const ConvexValue &row : rows) {
        const ConvexValue::Object fields = row.toObject();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            keys.insert(it.key());
    }
    QStringList sorted(keys.cbegin(), keys.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

} // namespace

ConvexQueryModel::ConvexQueryModel(ConvexClient *client, const QString &udfPath,
                                   const ConvexValue &args, QObject *parent)
    : ConvexQueryModel(client->subscribe(udfPath, args), parent)
{
}

ConvexQueryModel::ConvexQueryModel(ConvexQuery *query, QObject *parent)
    : QAbstractListModel(parent)
    , m_query(query)
{
    query->setParent(this);
    connect(query, &ConvexQuery::resultChanged, this, [this](const ConvexValue &value) {
        setRows(value);
        Q_EMIT readyChanged();
    });
    connect(query, &ConvexQuery::failed, this, [this] { Q_EMIT readyChanged(); });
    if (query->isReady())
        setRows(query->value());
}

int ConvexQueryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConvexQueryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConvexValue &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        if (!m_displayKey.isEmpty())
            return row.value(m_displayKey).toVariant();
        const auto json = row.toJson();
        if (!json)
            return {};
        if (json->isString())
            return json->toString();
        return QString::fromUtf8(
            QJsonDocument::fromVariant(json->toVariant()).toJson(QJsonDocument::Compact));
    }
    const int keyIndex = role - Qt::UserRole - 1;
    if (keyIndex < 0 || keyIndex >= m_keys.size())
        return {};
    return row.value(m_keys.at(keyIndex)).toVariant();
}

QHash<int, QByteArray> ConvexQueryModel::roleNames() const
{
    QHash<int, QByteArray> names;
    names.insert(Qt::DisplayRole, QByteArrayLiteral("display"));
    for (int i = 0; i < m_keys.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_keys.at(i).toUtf8());
    return names;
}

bool ConvexQueryModel::isReady() const
{
    return m_query && m_query->isReady();
}

QString ConvexQueryModel::errorMessage() const
{
    return m_query ? m_query->errorMessage() : QString();
}

int ConvexQueryModel::roleForKey(const QString &key) const
{
    const qsizetype index = m_keys.indexOf(key);
    return index < 0 ? -1 : Qt::UserRole + 1 + int(index);
}

void ConvexQueryModel::setDisplayKey(const QString &key)
{
    if (key == m_displayKey)
        return;
    m_displayKey = key;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::DisplayRole});
}

void ConvexQueryModel::setRows(const ConvexValue &value)
{
    const QList<ConvexValue> rows = value.isArray() ? value.toArray() : QList<ConvexValue>();
    if (lcConvexModel().isDebugEnabled())
        logNewRows(rows);
    const QStringList keys = keysOf(rows);
    if (keys != m_keys) {
        // The roles themselves change: nothing short of a reset says that.
        beginResetModel();
        m_rows = rows;
        m_keys = keys;
        endResetModel();
        return;
    }
    const int oldCount = int(m_rows.size());
    const int newCount = int(rows.size());
    int prefix = 0;
    while (prefix < oldCount && prefix < newCount && sameRow(m_rows.at(prefix), rows.at(prefix)))
        ++prefix;
    int suffix = 0;
    while (suffix < oldCount - prefix && suffix < newCount - prefix
           && sameRow(m_rows.at(oldCount - 1 - suffix), rows.at(newCount - 1 - suffix))) {
        ++suffix;
    }
    // Rows kept in place whose fields changed.
    QList<int> changed;
    for (int i = 0; i < prefix; ++i) {
        if (m_rows.at(i) != rows.at(i))
            changed.append(i);
    }
    const int shift = newCount - oldCount;
    for (int i = oldCount - suffix; i < oldCount; ++i) {
        if (m_rows.at(i) != rows.at(i + shift))
            changed.append(i + shift);
    }
    // The middle: what went, then what came.
    const int oldMiddle = oldCount - prefix - suffix;
    const int newMiddle = newCount - prefix - suffix;
    if (oldMiddle > 0) {
        beginRemoveRows(QModelIndex(), prefix, prefix + oldMiddle - 1);
        m_rows.remove(prefix, oldMiddle);
        endRemoveRows();
    }
    if (newMiddle > 0) {
        beginInsertRows(QModelIndex(), prefix, prefix + newMiddle - 1);
        for (int i = 0; i < newMiddle; ++i)
            m_rows.insert(prefix + i, rows.at(prefix + i));
        endInsertRows();
    }
    m_rows = rows; // the same identities; now the same values too
    for (int row : std::as_const(changed))
        Q_EMIT dataChanged(index(row), index(row));
}

void ConvexQueryModel::logNewRows(const QList<ConvexValue> &rows) const
{
    // Document ids only (never field values): scripts/soak.sh times a write to its arrival here.
    const QString idKey = QStringLiteral("_id");
    QSet<QString> known;
    for (const ConvexValue &row : std::as_const(m_rows))
        known.insert(row.value(idKey).toString());
    for (const ConvexValue &row : rows) {
        const QString id = row.value(idKey).toString();
        if (!id.isEmpty() && !known.contains(id))
            qCDebug(lcConvexModel).noquote() << "row added:" << id;
    }
}

} // namespace authkit::convex
