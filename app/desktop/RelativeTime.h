#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// "just now", "5 min ago", "3 h ago", "2 d ago", then the date: how long ago a message
// was written, in the user's language (plural forms through tr()'s %n).
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)
public:
    static QString describe(const QDateTime &then, const QDateTime &now);
};
