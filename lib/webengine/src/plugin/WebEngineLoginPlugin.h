#pragma once

#include <authkitqt/webengine/EmbeddedUserAgent.h>

#include <QObject>

namespace authkit {

// The authkitqt-webengine plugin: the only part of AuthKitQt that links Qt WebEngine, loaded by
// FallbackUserAgent when a sign-in window is needed.
class WebEngineLoginPlugin : public QObject, public EmbeddedUserAgentFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID AuthKitQt_EmbeddedUserAgentFactory_iid)
    Q_INTERFACES(authkit::EmbeddedUserAgentFactory)
public:
    using QObject::QObject;

    EmbeddedUserAgent *create(QWidget *parentWindow, QObject *parent) override;
};

} // namespace authkit
