#include "MessageListModel.h"

#include <authkitqt/convex/ConvexQueryModel.h>

#include <QTextDocument> // Qt::convertFromPlainText

using authkit::convex::ConvexQueryModel;

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return QIdentityProxyModel::data(index, role);
    const auto *messages = qobject_cast<const ConvexQueryModel *>(sourceModel());
    if (!messages || !index.isValid())
        return QIdentityProxyModel::data(index, role);
    const auto row = messages->row(mapToSource(index).row());
    const QString author = row.value(QStringLiteral("author")).toString();
    const QString body = row.value(QStringLiteral("body")).toString();
    if (role == Qt::AccessibleTextRole)
        return tr("%1 wrote: %2").arg(author, body);
    if (role == Qt::ToolTipRole)
        return Qt::convertFromPlainText(author); // tool tips guess rich text; an author is not
    return tr("%1: %2").arg(author, body);
}
