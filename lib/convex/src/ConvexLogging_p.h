#pragma once

#include <QLoggingCategory>

// One category per component of the client layer; never logs tokens or argument values.
Q_DECLARE_LOGGING_CATEGORY(lcConvexSocket)
Q_DECLARE_LOGGING_CATEGORY(lcConvexClient)
Q_DECLARE_LOGGING_CATEGORY(lcConvexAuth)
Q_DECLARE_LOGGING_CATEGORY(lcConvexHttp)
Q_DECLARE_LOGGING_CATEGORY(lcConvexModel)
