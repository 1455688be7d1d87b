#pragma once

#include <QIdentityProxyModel>

// Shows each row of a messages:list ConvexQueryModel as "author: body" (the display role); the
// other roles pass through. The accessible text of a row says the same in words.
class MessageListModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};
