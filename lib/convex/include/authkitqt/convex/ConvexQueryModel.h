#pragma once

#include <authkitqt/convex/ConvexQuery.h>
#include <authkitqt/convex/ConvexValue.h>

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <authkitqt/convex/authkitqt_convex_export.h>

namespace authkit::convex {

class ConvexClient;

/// A live list model over one query whose value is an array of objects (a messages list, say).
/// One role per object key (sorted, from Qt::UserRole + 1; roleNames() gives the key names) and
/// `display`: the displayKey field, or the row as compact JSON. Rows are matched by their `_id`
/// (or their whole value): an append is an insert, an edit a dataChanged; only a change in the
/// set of keys resets the model.
class AUTHKITQT_CONVEX_EXPORT ConvexQueryModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY readyChanged)
public:
    ConvexQueryModel(ConvexClient *client, const QString &udfPath,
                     const ConvexValue &args = ConvexValue(), QObject *parent = nullptr);
    /// Takes the handle over (it becomes the model's child).
    explicit ConvexQueryModel(ConvexQuery *query, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    ConvexQuery *query() const { return m_query; }
    bool isReady() const;
    QString errorMessage() const;
    ConvexValue row(int index) const { return m_rows.value(index); }
    QStringList keys() const { return m_keys; }
    int roleForKey(const QString &key) const; ///< -1 when no row has that key
    void setDisplayKey(const QString &key);
    QString displayKey() const { return m_displayKey; }

Q_SIGNALS:
    void readyChanged();

private:
    void setRows(const ConvexValue &value);
    void logNewRows(const QList<ConvexValue> &rows) const;

    QPointer<ConvexQuery> m_query;
    QList<ConvexValue> m_rows;
    QStringList m_keys;
    QString m_displayKey;
};

} // namespace authkit::convex
