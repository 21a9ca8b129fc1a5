#include "TokenInspectorDialog.h"

#include "SecretField.h"
#include "TokenView.h"

#include "api/Operations.h"
#include "resources/Resources.h"
#include "resources/SecretEncoding.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QLabel *messageLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

TokenInspectorDialog::TokenInspectorDialog(KubeClient *client, const SecretBytes &token, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_field(new SecretField)
    , m_problem(messageLabel(u"tokenProblem"_s))
    , m_claimsBox(new QWidget)
    , m_expiry(messageLabel(u"expiry"_s))
    , m_check(new QPushButton(tr("&Check with the cluster")))
    , m_answer(messageLabel(u"reviewAnswer"_s))
    , m_countdown(new QTimer(this))
{
    setObjectName(u"tokenInspector"_s);
    setWindowTitle(tr("Inspect a token"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_field->setObjectName(u"token"_s);
    m_field->setAccessibleName(tr("Token"));

    auto *intro = new QLabel(tr("Paste a service-account token (or any JWT) to see what it says. Nothing is sent "
                                "anywhere until you check it with the cluster."));
    intro->setWordWrap(true);
    auto *paste = new QPushButton(tr("&Paste token"));
    paste->setObjectName(u"pasteToken"_s);
    paste->setToolTip(tr("Takes the token from the clipboard (Ctrl+V)"));
    connect(paste, &QPushButton::clicked, this, &TokenInspectorDialog::pasteFromClipboard);
    auto *pasteShortcut = new QShortcut(QKeySequence::Paste, this);
    connect(pasteShortcut, &QShortcut::activated, this, &TokenInspectorDialog::pasteFromClipboard);
    auto *clear = new QPushButton(tr("C&lear"));
    clear->setObjectName(u"clearToken"_s);
    connect(clear, &QPushButton::clicked, this, [this] { setToken({}); });
    m_check->setObjectName(u"checkToken"_s);
    m_check->setEnabled(false);
    m_check->setToolTip(client ? tr("A TokenReview: whom the cluster takes the token for")
                               : tr("Not connected to a cluster"));
    connect(m_check, &QPushButton::clicked, this, &TokenInspectorDialog::checkWithCluster);
    auto *inputButtons = new QHBoxLayout;
    inputButtons->addWidget(paste);
    inputButtons->addWidget(clear);
    inputButtons->addStretch();
    inputButtons->addWidget(m_check);

    m_answer->setAccessibleDescription(tr("The cluster's answer"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_field);
    layout->addLayout(inputButtons);
    layout->addWidget(m_problem);
    layout->addWidget(m_claimsBox);
    layout->addWidget(m_expiry);
    layout->addSpacing(layout->spacing() * 2);
    layout->addWidget(m_answer);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_countdown, &QTimer::timeout, this, &TokenInspectorDialog::updateExpiry);
    setToken(token);
    resize(sizeHint().expandedTo(QSize(660, 460)));
}

TokenInspectorDialog::~TokenInspectorDialog() = default;

void TokenInspectorDialog::done(int result)
{
    // However it closes, the token goes with it.
    if (m_review)
        m_review->cancel();
    m_field->clear();
    QDialog::done(result);
}

void TokenInspectorDialog::pasteFromClipboard()
{
    // The clipboard's own QString cannot be wiped; the UTF-8 copy made here is handed over, not duplicated.
    QByteArray text = QGuiApplication::clipboard()->text().trimmed().toUtf8();
    setToken(SecretBytes::adopt(std::move(text)));
}

void TokenInspectorDialog::setToken(const SecretBytes &token)
{
    if (m_review)
        m_review->cancel();
    m_field->setValue(token);
    m_answer->clear();
    decode();
}

void TokenInspectorDialog::decode()
{
    delete m_claims;
    m_claims = nullptr;
    qDeleteAll(m_claimsBox->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    m_countdown->stop();
    m_expiresAt = {};
    m_expiry->clear();
    const QByteArray &token = m_field->value().reveal();
    m_check->setEnabled(m_client && ops::isTokenText(token));
    if (token.isEmpty()) {
        m_problem->setText(tr("No token yet."));
        return;
    }
    if (!ops::isTokenText(token)) {
        m_problem->setText(tr("This is not a token: a token is made of letters, digits, '-', '_', '.' and '='."));
        return;
    }
    QString error;
    const std::optional<TokenClaims> claims = TokenClaims::decode(token, &error);
    if (!claims) {
        // The decoder's sentence never quotes the token.
        m_problem->setText(tr("Its claims cannot be read: %1. The cluster may still know it (an opaque token such as a "
                              "bootstrap token): check it with the cluster.")
                               .arg(error));
        return;
    }
    m_problem->clear();
    m_claims = new QFormLayout(m_claimsBox);
    m_claims->setContentsMargins(0, 0, 0, 0);
    addClaimRows(m_claims, *claims, true);
    m_expiresAt = claims->expiresAt;
    if (!m_expiresAt.isValid()) {
        m_expiry->setText(tr("⚠ Never expires: it works until its Secret or its account is deleted."));
        return;
    }
    m_countdown->start(1000);
    updateExpiry();
}

void TokenInspectorDialog::updateExpiry()
{
    if (!m_expiresAt.isValid())
        return;
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    m_expiry->setText(left < 0 ? tr("Expired: the cluster no longer accepts it.")
                               : tr("Expires %1.").arg(expiresInWords(left)));
    if (left < 0)
        m_countdown->stop();
}

void TokenInspectorDialog::checkWithCluster()
{
    if (!m_client || !ops::isTokenText(m_field->value().reveal()))
        return;
    if (m_review)
        m_review->cancel();
    m_answer->setText(tr("Asking the cluster…"));
    m_check->setEnabled(false);
    m_review = ops::reviewToken(m_client, m_field->value());
    connect(m_review, &Operation::finished, this, &TokenInspectorDialog::onReview);
}

void TokenInspectorDialog::onReview(const OperationResult &result)
{
    m_check->setEnabled(m_client && ops::isTokenText(m_field->value().reveal()));
    if (!result.ok()) {
        m_answer->setText(tr("The cluster could not check it: %1").arg(result.error->userMessage()));
    } else if (!result.object.value("authenticated"_L1).toBool()) {
        const QString reason = result.object.value("error"_L1).toString();
        m_answer->setText(reason.isEmpty() ? tr("✗ The cluster does not accept this token.")
                                           : tr("✗ The cluster does not accept this token: %1").arg(reason));
    } else {
        const QJsonObject user = result.object.value("user"_L1).toObject();
        QStringList lines {tr("✓ The cluster accepts it as %1").arg(user.value("username"_L1).toString())};
        if (const QString uid = user.value("uid"_L1).toString(); !uid.isEmpty())
            lines.append(tr("UID: %1").arg(uid));
        if (const QStringList groups = strings(user.value("groups"_L1)); !groups.isEmpty())
            lines.append(tr("Groups: %1").arg(groups.join(u", "_s)));
        const QJsonObject extra = user.value("extra"_L1).toObject();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            lines.append(u"%1: %2"_s.arg(it.key(), strings(it.value()).join(u", "_s)));
        if (const QStringList audiences = strings(result.object.value("audiences"_L1)); !audiences.isEmpty())
            lines.append(tr("Audiences it was accepted for: %1").arg(audiences.join(u", "_s)));
        m_answer->setText(lines.join(u'\n'));
    }
    Q_EMIT checked();
}

} // namespace sa
