#pragma once

// Stands in for authkit::AuthState in the derivation table: the two properties and the notify
// signal that ConvexAuthState (and AuthGate) read.

#include <QObject>

class FakeProviderState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool isLoading READ isLoading NOTIFY changed)
    Q_PROPERTY(bool isAuthenticated READ isAuthenticated NOTIFY changed)
public:
    bool isLoading() const { return m_loading; }
    bool isAuthenticated() const { return m_authenticated; }
    void set(bool loading, bool authenticated)
    {
        m_loading = loading;
        m_authenticated = authenticated;
        Q_EMIT changed();
    }

Q_SIGNALS:
    void changed();

private:
    bool m_loading = true;
    bool m_authenticated = false;
};
