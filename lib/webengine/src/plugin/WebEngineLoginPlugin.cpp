#include "WebEngineLoginPlugin.h"

#include <authkitqt/webengine/WebEngineUserAgent.h>

namespace authkit {

EmbeddedUserAgent *WebEngineLoginPlugin::create(QWidget *parentWindow, QObject *parent)
{
    return new WebEngineUserAgent(parentWindow, parent);
}

} // namespace authkit
