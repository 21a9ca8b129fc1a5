#include "TokenView.h"

#include "ClipboardGuard.h"
#include "SecretField.h"
#include "TokenInspectorDialog.h"

#include "api/CredentialExports.h"
#include "api/KubeClient.h"
#include "api/Operations.h"
#include "resources/Resources.h"
#include "util/SaveFile.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

QString expiresInWords(qint64 seconds)
{
    if (seconds < 0)
        return TokenView::tr("expired");
    if (seconds < 3600)
        return TokenView::tr("in %1 min").arg((seconds + 59) / 60);
    if (seconds < 2 * 86400)
        return TokenView::tr("in %1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return TokenView::tr("in %1 days").arg(seconds / 86400);
}

namespace {

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QLabel *selectableLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QPushButton *button(const QString &text, const QString &name)
{
    auto *b = new QPushButton(text);
    b->setObjectName(name);
    b->setAccessibleName(QString(text).remove(u'&').remove(u'…'));
    return b;
}

} // namespace

void addClaimRows(QFormLayout *form, const TokenClaims &claims, bool full)
{
    const auto add = [form](const QString &label, const QString &value, const QString &name) {
        QLabel *text = selectableLabel(value);
        text->setObjectName(name);
        form->addRow(label, text);
    };
    if (full) {
        add(TokenView::tr("Kind:"),
            claims.legacy ? TokenView::tr("legacy token from a Secret: never expires, valid while the Secret exists")
                          : TokenView::tr("bound token (TokenRequest): expires, and dies with what it is bound to"),
            u"claimKind"_s);
        add(TokenView::tr("Issuer:"), claims.issuer, u"claimIssuer"_s);
    }
    add(TokenView::tr("Subject:"), claims.subject, u"claimSubject"_s);
    if (!claims.audiences.isEmpty())
        add(TokenView::tr("Audiences:"), claims.audiences.join(u", "_s), u"claimAudiences"_s);
    if (claims.issuedAt.isValid())
        add(TokenView::tr("Issued:"), when(claims.issuedAt), u"claimIssued"_s);
    if (full && claims.notBefore.isValid() && claims.notBefore != claims.issuedAt)
        add(TokenView::tr("Not before:"), when(claims.notBefore), u"claimNotBefore"_s);
    add(TokenView::tr("Expires:"), claims.expiresAt.isValid() ? when(claims.expiresAt) : TokenView::tr("never"),
        u"claimExpires"_s);
    QString bound = TokenView::tr("nothing");
    if (claims.legacy)
        bound = TokenView::tr("secret/%1 (a legacy token: valid while the secret exists)").arg(claims.secretName);
    else if (!claims.boundKind.isEmpty())
        bound = TokenView::tr("%1/%2 (invalid once it is deleted)").arg(claims.boundKind.toLower(), claims.boundName);
    add(TokenView::tr("Bound to:"), bound, u"claimBound"_s);
    if (!full)
        return;
    if (!claims.nodeName.isEmpty())
        add(TokenView::tr("Node:"), claims.nodeName, u"claimNode"_s);
    if (!claims.id.isEmpty())
        add(TokenView::tr("Token ID (jti):"), claims.id, u"claimId"_s);
    add(TokenView::tr("Signed with:"),
        TokenView::tr("%1, not verified here")
            .arg(claims.algorithm.isEmpty() ? TokenView::tr("unknown") : claims.algorithm),
        u"claimSignature"_s);
    if (!claims.keyId.isEmpty())
        add(TokenView::tr("Key ID:"), claims.keyId, u"claimKeyId"_s);
}

TokenView::TokenView(KubeClient *client, const QString &ns, const QString &serviceAccount, const SecretBytes &token,
                     QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_context(client ? client->context() : ResolvedContext())
    , m_ns(ns)
    , m_account(serviceAccount)
    , m_token(token)
    , m_field(new SecretField)
    , m_expiry(new QLabel)
    , m_status(new QLabel)
    , m_countdown(new QTimer(this))
{
    setObjectName(u"tokenView"_s);
    // Names and the server's answers: text, never markup.
    m_expiry->setTextFormat(Qt::PlainText);
    m_status->setTextFormat(Qt::PlainText);
    m_field->setObjectName(u"token"_s);
    m_field->setAccessibleName(tr("Token"));
    m_field->setValue(token);
    m_expiry->setObjectName(u"expiry"_s);
    m_expiry->setWordWrap(true);
    m_status->setObjectName(u"tokenStatus"_s);
    m_status->setAccessibleDescription(tr("Result"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *claimsForm = new QFormLayout;
    claimsForm->setObjectName(u"claims"_s);
    if (const auto claims = TokenClaims::decode(token.reveal())) {
        m_expiresAt = claims->expiresAt;
        addClaimRows(claimsForm, *claims, false);
    } else {
        claimsForm->addRow(selectableLabel(tr("Not a JSON Web Token: its claims cannot be shown.")));
    }

    auto *curl = button(tr("Copy &curl command"), u"copyCurl"_s);
    curl->setToolTip(tr("printf … | curl --cacert CA https://SERVER/api --header @- (the token on curl's input, not "
                        "in its arguments)"));
    auto *copyConfig = button(tr("Copy &kubeconfig"), u"copyKubeconfig"_s);
    auto *saveConfig = button(tr("&Save kubeconfig…"), u"saveKubeconfig"_s);
    auto *test = button(tr("&Test token"), u"testToken"_s);
    auto *inspect = button(tr("&Inspect…"), u"inspectToken"_s);
    inspect->setToolTip(tr("Every claim, and the cluster's TokenReview"));
    connect(inspect, &QPushButton::clicked, this,
            [this] { (new TokenInspectorDialog(m_client, m_token, window()))->open(); });
    connect(curl, &QPushButton::clicked, this, &TokenView::copyCurlCommand);
    connect(copyConfig, &QPushButton::clicked, this, &TokenView::copyKubeconfig);
    connect(saveConfig, &QPushButton::clicked, this, &TokenView::chooseKubeconfigFile);
    connect(test, &QPushButton::clicked, this, &TokenView::testToken);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {test, inspect, curl, copyConfig, saveConfig})
        buttons->addWidget(b);
    buttons->addStretch();
    // What the curl command and the kubeconfig carry over from the context, said before they are handed on.
    auto *caveats = new QLabel;
    caveats->setObjectName(u"exportCaveats"_s);
    caveats->setTextFormat(Qt::PlainText);
    caveats->setWordWrap(true);
    const QStringList caveatLines = exportCaveats(m_context);
    caveats->setText(tr("⚠ The curl command and the kubeconfig: %1").arg(caveatLines.join(u' ')));
    caveats->setVisible(!caveatLines.isEmpty());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field);
    layout->addWidget(m_expiry);
    layout->addLayout(claimsForm);
    layout->addLayout(buttons);
    layout->addWidget(caveats);
    layout->addWidget(m_status);

    connect(m_countdown, &QTimer::timeout, this, &TokenView::updateExpiry);
    if (m_expiresAt.isValid())
        m_countdown->start(1000);
    updateExpiry();
}

TokenView::~TokenView() = default;

void TokenView::updateExpiry()
{
    if (!m_expiresAt.isValid()) {
        m_expiry->setText(tr("⚠ Never expires: it works until the secret or the account is deleted."));
        return;
    }
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    m_expiry->setText(
        tr("Expires %1 (%2)")
            .arg(QLocale().toString(m_expiresAt.toLocalTime().time(), QLocale::ShortFormat), expiresInWords(left)));
    if (left < 0)
        m_countdown->stop();
}

SecretBytes TokenView::kubeconfig() const
{
    return serviceAccountKubeconfig(m_context, m_ns, m_account, m_token);
}

void TokenView::copyCurlCommand()
{
    ClipboardGuard::instance()->copySecret(curlCommand(m_context, m_token));
    m_status->setText(tr("Copied a curl command. It holds the token: a shell keeps the line in its history unless "
                         "it starts with a space (bash with HISTCONTROL=ignorespace or ignoreboth)."));
}

void TokenView::copyKubeconfig()
{
    ClipboardGuard::instance()->copySecret(kubeconfig());
    m_status->setText(tr("Copied a kubeconfig for %1/%2.").arg(m_ns, m_account));
}

void TokenView::chooseKubeconfigFile()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save kubeconfig"), QDir::home().filePath(m_account + u".kubeconfig"_s),
                                     tr("Kubeconfig (*.kubeconfig *.yaml);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveKubeconfig(path, &error))
        m_status->setText(tr("Saved %1 (readable by you alone). Use it with kubectl --kubeconfig %1").arg(path));
    else
        m_status->setText(tr("Could not save %1: %2").arg(path, error));
}

bool TokenView::saveKubeconfig(const QString &path, QString *error) const
{
    return saveFile(path, kubeconfig().reveal(), FileAccess::OwnerOnly, error);
}

void TokenView::testToken()
{
    // A client of its own, with this token as its only credential: whom does the cluster take it for?
    // Kept by the view: the operation belongs to its client, which must outlive it.
    if (!m_client) {
        m_status->setText(tr("Cannot test the token: the connection it was issued through has been closed (another "
                             "context, or F5). Copying it and the kubeconfig still work."));
        return;
    }
    m_testClient = m_client->withToken(m_token.reveal());
    Operation *whoAmI = ops::whoAmI(m_testClient.get());
    m_status->setText(tr("Asking the cluster…"));
    connect(whoAmI, &Operation::finished, this, [this](const OperationResult &result) {
        m_status->setText(result.ok() ? tr("Authenticates as %1").arg(result.object.value("username"_L1).toString())
                                      : tr("Refused: %1").arg(result.error->userMessage()));
    });
}

} // namespace sa
