#pragma once

#include <QStyledItemDelegate>

// Paints one message of MessageListModel as a chat row: a round initials avatar coloured per
// author (as InitialsAvatar), the author's name in bold with the relative time beside it, the
// body wrapped below; the signed-in user's own messages are tinted and named "You".
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The name line of a row: "Ada Lovelace", or "Ada Lovelace (you)" for an own message.
    static QString nameLine(const QModelIndex &index);

private:
    struct Layout
    {
        QRect avatar;
        QRect name;
        QRect body;
    };
    static Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index);
};
