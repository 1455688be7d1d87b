#include "MessagesPanel.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"

#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQuery.h>
#include <authkitqt/convex/ConvexQueryModel.h>
#include <authkitqt/convex/ConvexValue.h>
#include <authkitqt/widgets/ThemeColors.h>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using authkit::convex::ConvexClient;
using authkit::convex::ConvexQuery;
using authkit::convex::ConvexQueryModel;
using authkit::convex::ConvexResult;
using authkit::convex::ConvexValue;

MessagesPanel::MessagesPanel(ConvexClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_viewer(client->subscribe(QStringLiteral("users:viewer"), ConvexValue(), this))
    , m_messages(new ConvexQueryModel(client, QStringLiteral("messages:list"), ConvexValue(), this))
    , m_display(new MessageListModel(this))
    , m_identity(new QLabel(this))
    , m_list(new QListView(this))
    , m_input(new QLineEdit(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("messagesPanel"));
    setAccessibleName(tr("Messages"));

    m_identity->setObjectName(QStringLiteral("backendIdentityLabel"));
    m_identity->setAccessibleName(tr("Identity seen by the backend"));
    m_identity->setWordWrap(true);
    m_identity->setTextFormat(Qt::PlainText);
    m_identity->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_identity->setText(tr("Asking the backend who you are…"));

    m_display->setSourceModel(m_messages);
    m_list->setObjectName(QStringLiteral("messagesList"));
    m_list->setAccessibleName(tr("Messages"));
    m_list->setModel(m_display);
    m_list->setItemDelegate(new MessageDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);

    m_input->setObjectName(QStringLiteral("messageInput"));
    m_input->setAccessibleName(tr("New message"));
    m_input->setPlaceholderText(tr("Write a message"));
    m_send->setObjectName(QStringLiteral("sendMessageButton"));
    m_send->setAccessibleName(tr("Send message"));
    m_send->setEnabled(false);

    m_error->setObjectName(QStringLiteral("messagesErrorLabel"));
    m_error->setAccessibleName(tr("Messages error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    authkit::theme::applyTone(m_error, authkit::theme::Tone::Error);
    m_error->setVisible(false);

    auto *box = new QGroupBox(tr("Messages (Convex)"), this);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_input, 1);
    sendRow->addWidget(m_send);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(m_identity);
    boxLayout->addWidget(m_list, 1);
    boxLayout->addLayout(sendRow);
    boxLayout->addWidget(m_error);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);

    connect(m_viewer, &ConvexQuery::resultChanged, this, &MessagesPanel::showIdentity);
    connect(m_viewer, &ConvexQuery::failed, this, [this](const QString &message) {
        m_identity->setText(tr("The backend could not say who you are: %1").arg(message));
    });
    if (m_viewer->isReady())
        showIdentity(m_viewer->value());

    connect(m_messages, &ConvexQueryModel::readyChanged, this, [this] {
        if (!m_messages->errorMessage().isEmpty())
            showError(tr("Cannot load the messages: %1").arg(m_messages->errorMessage()));
    });
    // "2 min ago" must move on while nothing else changes.
    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, this,
            [this] { m_display->setNow(QDateTime::currentDateTime()); });
    clock->start();
    // New rows are measured against the time they arrive.
    connect(m_display, &QAbstractItemModel::rowsInserted, this,
            [this] { m_display->setNow(QDateTime::currentDateTime()); });

    // Newest last: keep the newest in view.
    connect(m_display, &QAbstractItemModel::rowsInserted, m_list, &QListView::scrollToBottom);
    connect(m_display, &QAbstractItemModel::modelReset, m_list, &QListView::scrollToBottom);

    connect(m_input, &QLineEdit::textChanged, this, &MessagesPanel::updateSendButton);
    connect(m_input, &QLineEdit::returnPressed, this, &MessagesPanel::send);
    connect(m_send, &QPushButton::clicked, this, &MessagesPanel::send);
}

void MessagesPanel::send()
{
    const QString body = m_input->text().trimmed();
    if (body.isEmpty() || m_sending || !m_client)
        return;
    m_sending = true;
    updateSendButton();
    m_error->setVisible(false);
    QPointer<MessagesPanel> self(this);
    ConvexValue::Object args;
    args.insert(QStringLiteral("body"), ConvexValue::fromString(body));
    m_client->mutation(QStringLiteral("messages:send"), ConvexValue::fromObject(args),
                       [self, body](const ConvexResult &result) {
                           if (!self)
                               return;
                           self->m_sending = false;
                           if (result.success) {
                               if (self->m_input->text().trimmed() == body)
                                   self->m_input->clear();
                           } else {
                               self->showError(
                                   tr("Cannot send the message: %1").arg(result.errorMessage));
                           }
                           self->updateSendButton();
                       });
}

void MessagesPanel::showIdentity(const ConvexValue &viewer)
{
    if (!viewer.isObject()) {
        m_display->setViewerId(QString());
        m_identity->setText(tr("The backend sees no signed-in user."));
        return;
    }
    m_display->setViewerId(viewer.value(QStringLiteral("subject")).toString());
    QStringList lines;
    // The name the WorkOS component synced into the deployment's users table.
    const QString name = viewer.value(QStringLiteral("name")).toString();
    if (!name.isEmpty())
        lines << tr("Name: %1").arg(name);
    lines << tr("Backend identity: %1")
                 .arg(viewer.value(QStringLiteral("tokenIdentifier")).toString())
          << tr("Subject: %1").arg(viewer.value(QStringLiteral("subject")).toString())
          << tr("Issuer: %1").arg(viewer.value(QStringLiteral("issuer")).toString());
    const QString email = viewer.value(QStringLiteral("email")).toString();
    if (!email.isEmpty())
        lines << tr("Email: %1").arg(email);
    m_identity->setText(lines.join(QLatin1Char('\n')));
}

void MessagesPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void MessagesPanel::updateSendButton()
{
    m_send->setEnabled(!m_sending && !m_input->text().trimmed().isEmpty());
}
