#include "RelativeTime.h"

#include <QLocale>

QString RelativeTime::describe(const QDateTime &then, const QDateTime &now)
{
    // A clock a little ahead of ours still reads "just now", not "in 2 s".
    const qint64 seconds = qMax<qint64>(0, then.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    const int minutes = int(seconds / 60);
    if (minutes < 60)
        return tr("%n min ago", "minutes", minutes);
    const int hours = minutes / 60;
    if (hours < 24)
        return tr("%n h ago", "hours", hours);
    const int days = hours / 24;
    if (days < 7)
        return tr("%n d ago", "days", days);
    return QLocale().toString(then.toLocalTime().date(), QLocale::ShortFormat);
}
