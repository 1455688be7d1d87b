#include "MessageListModel.h"

#include "RelativeTime.h"

#include <authkitqt/convex/ConvexQueryModel.h>

#include <QTextDocument> // Qt::convertFromPlainText

using authkit::convex::ConvexQueryModel;

void MessageListModel::setViewerId(const QString &viewerId)
{
    if (viewerId == m_viewerId)
        return;
    m_viewerId = viewerId;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {OwnRole, Qt::DisplayRole});
}

void MessageListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {RelativeTimeRole});
}

QString MessageListModel::initialsOf(const QString &name)
{
    // "Ada Lovelace" -> "AL", "grace@example.com" -> "G": first and last word's first letter.
    const QStringList words = QString(name)
                                  .replace(QLatin1Char('@'), QLatin1Char(' '))
                                  .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QStringLiteral("?");
    if (name.contains(QLatin1Char('@')) || words.size() == 1)
        return words.first().left(1).toUpper();
    return (words.first().left(1) + words.last().left(1)).toUpper();
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    static const QList<int> ours{Qt::DisplayRole,  Qt::AccessibleTextRole,
                                 Qt::ToolTipRole,  AuthorNameRole,
                                 AuthorIdRole,     InitialsRole,
                                 BodyRole,         SentAtRole,
                                 RelativeTimeRole, OwnRole};
    const auto *messages = qobject_cast<const ConvexQueryModel *>(sourceModel());
    if (!messages || !index.isValid() || !ours.contains(role))
        return QIdentityProxyModel::data(index, role);
    const auto row = messages->row(mapToSource(index).row());
    QString author = row.value(QStringLiteral("authorName")).toString();
    if (author.isEmpty()) // a deployment without the WorkOS component
        author = row.value(QStringLiteral("author")).toString();
    const QString authorId = row.value(QStringLiteral("authorId")).toString();
    const QString body = row.value(QStringLiteral("body")).toString();
    const QDateTime sentAt = QDateTime::fromMSecsSinceEpoch(
        qint64(row.value(QStringLiteral("_creationTime")).toFloat64()));
    switch (role) {
    case AuthorNameRole:
        return author;
    case AuthorIdRole:
        return authorId;
    case InitialsRole:
        return initialsOf(author);
    case BodyRole:
        return body;
    case SentAtRole:
        return sentAt;
    case RelativeTimeRole:
        return RelativeTime::describe(sentAt, m_now);
    case OwnRole:
        return !m_viewerId.isEmpty() && authorId == m_viewerId;
    case Qt::AccessibleTextRole:
        return tr("%1 wrote: %2").arg(author, body);
    case Qt::ToolTipRole:
        // Tool tips guess rich text; an author is not.
        return Qt::convertFromPlainText(
            author + QLatin1Char('\n')
            + QLocale().toString(sentAt.toLocalTime(), QLocale::LongFormat));
    default:
        return tr("%1: %2").arg(author, body);
    }
}
