#pragma once

#include <QDateTime>
#include <QIdentityProxyModel>

// Presents the rows of a messages:list ConvexQueryModel: the author's name (authorName from the
// WorkOS users table, else the stored author), initials, the time as a QDateTime and in words,
// and whether the signed-in user wrote it. The display role reads "name: body"; the accessible
// text says the same in words. MessageDelegate paints the roles.
class MessageListModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum Role {
        AuthorNameRole = Qt::UserRole + 100,
        AuthorIdRole,
        InitialsRole,
        BodyRole,
        SentAtRole,       // QDateTime
        RelativeTimeRole, // "2 min ago"
        OwnRole,          // bool: written by the viewer
    };

    using QIdentityProxyModel::QIdentityProxyModel;

    // The WorkOS user id of the signed-in user (users:viewer's subject): their rows are "own".
    void setViewerId(const QString &viewerId);
    // What "now" is for the relative times; the panel moves it on every so often.
    void setNow(const QDateTime &now);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString initialsOf(const QString &name);

private:
    QString m_viewerId;
    QDateTime m_now = QDateTime::currentDateTime();
};
