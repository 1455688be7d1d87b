#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class MessageListModel;

namespace authkit::convex {
class ConvexClient;
class ConvexQuery;
class ConvexQueryModel;
class ConvexValue;
} // namespace authkit::convex

// The Convex part of the Authenticated page: who the backend thinks is calling (users:viewer),
// the live message list (messages:list, newest last; it follows every client's writes without
// a refresh; MessageDelegate shows each author's name and initials, the relative time and the
// viewer's own messages marked) and a line to send one (messages:send). Errors are shown under
// the list.
// Object names: messagesPanel, backendIdentityLabel, messagesList, messageInput,
// sendMessageButton, messagesErrorLabel.
class MessagesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesPanel(authkit::convex::ConvexClient *client, QWidget *parent = nullptr);

    authkit::convex::ConvexQueryModel *messages() const { return m_messages; }

public Q_SLOTS:
    void send();

private:
    void showIdentity(const authkit::convex::ConvexValue &viewer);
    void showError(const QString &message);
    void updateSendButton();

    QPointer<authkit::convex::ConvexClient> m_client;
    authkit::convex::ConvexQuery *m_viewer;
    authkit::convex::ConvexQueryModel *m_messages;
    MessageListModel *m_display;
    QLabel *m_identity;
    QListView *m_list;
    QLineEdit *m_input;
    QPushButton *m_send;
    QLabel *m_error;
    bool m_sending = false;
};
