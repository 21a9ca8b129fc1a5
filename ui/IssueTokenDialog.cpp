#include "IssueTokenDialog.h"

#include "ClipboardGuard.h"
#include "SecretField.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr int customLifetime = -1;

QString inWords(qint64 seconds)
{
    if (seconds < 0)
        return QObject::tr("expired");
    if (seconds < 3600)
        return QObject::tr("in %1 min").arg((seconds + 59) / 60);
    if (seconds < 2 * 86400)
        return QObject::tr("in %1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return QObject::tr("in %1 days").arg(seconds / 86400);
}

} // namespace

IssueTokenDialog::IssueTokenDialog(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                   const QStringList &pods, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_ns(ns)
    , m_account(serviceAccount)
    , m_lifetime(new QComboBox)
    , m_minutes(new QSpinBox)
    , m_audiences(new QLineEdit)
    , m_boundPod(new QComboBox)
    , m_lifetimeNote(new QLabel)
{
    setObjectName(u"issueTokenDialog"_s);
    setWindowTitle(tr("Issue token for %1/%2").arg(ns, serviceAccount));
    m_lifetime->setObjectName(u"lifetime"_s);
    m_lifetime->setAccessibleName(tr("Lifetime"));
    for (const auto &[label, seconds] :
         {std::pair {tr("10 minutes"), 600}, std::pair {tr("30 minutes"), 1800}, std::pair {tr("1 hour"), 3600},
          std::pair {tr("8 hours"), 8 * 3600}, std::pair {tr("24 hours"), 24 * 3600},
          std::pair {tr("Custom…"), customLifetime}})
        m_lifetime->addItem(label, seconds);
    m_lifetime->setCurrentIndex(2); // 1 hour: the server's own default
    m_minutes->setObjectName(u"minutes"_s);
    m_minutes->setAccessibleName(tr("Lifetime in minutes"));
    m_minutes->setRange(1, 1000000);
    m_minutes->setValue(60);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setEnabled(false);
    m_audiences->setObjectName(u"audiences"_s);
    m_audiences->setAccessibleName(tr("Audiences"));
    m_audiences->setPlaceholderText(tr("the API server's (leave empty)"));
    m_boundPod->setObjectName(u"boundPod"_s);
    m_boundPod->setAccessibleName(tr("Bound to pod"));
    m_boundPod->addItem(tr("Nothing (valid until it expires)"));
    m_boundPod->addItems(pods);
    m_lifetimeNote->setObjectName(u"lifetimeNote"_s);
    m_lifetimeNote->setWordWrap(true);

    auto *lifetime = new QWidget;
    auto *lifetimeLayout = new QHBoxLayout(lifetime);
    lifetimeLayout->setContentsMargins(0, 0, 0, 0);
    lifetimeLayout->addWidget(m_lifetime);
    lifetimeLayout->addWidget(m_minutes);
    formLayout()->addRow(tr("&Lifetime:"), lifetime);
    formLayout()->addRow(QString(), m_lifetimeNote);
    formLayout()->addRow(tr("&Audiences:"), m_audiences);
    formLayout()->addRow(tr("&Bound to:"), m_boundPod);

    connect(m_lifetime, &QComboBox::currentIndexChanged, this, [this] {
        m_minutes->setEnabled(m_lifetime->currentData().toInt() == customLifetime);
        revalidate();
    });
    connect(m_minutes, &QSpinBox::valueChanged, this, &IssueTokenDialog::revalidate);
    revalidate();
}

qint64 IssueTokenDialog::lifetimeSeconds() const
{
    const int preset = m_lifetime->currentData().toInt();
    return preset == customLifetime ? qint64(m_minutes->value()) * 60 : preset;
}

QString IssueTokenDialog::validate() const
{
    const qint64 seconds = lifetimeSeconds();
    // A warning, not an objection: long-lived bearer tokens are what bound tokens are meant to replace.
    const_cast<QLabel *>(m_lifetimeNote)
        ->setText(seconds > 24 * 3600 ? tr("⚠ A token that lives more than a day is as good as a password for "
                                           "that long. The cluster may also shorten it.")
                                      : QString());
    if (seconds < 600)
        return tr("The server refuses lifetimes under 10 minutes.");
    return {};
}

void IssueTokenDialog::apply()
{
    TokenRequestOptions options;
    options.expirationSeconds = lifetimeSeconds();
    for (const QString &audience : m_audiences->text().split(u',', Qt::SkipEmptyParts))
        options.audiences.append(audience.trimmed());
    if (m_boundPod->currentIndex() > 0) {
        options.boundKind = u"Pod"_s;
        options.boundName = m_boundPod->currentText();
    }
    runOperation(ops::requestToken(m_client, m_ns, m_account, options), tr("Requesting…"));
}

void IssueTokenDialog::applySucceeded(const OperationResult &result)
{
    m_issued = result.token;
    m_expiresAt = result.expiresAt;
    auto *page = new QWidget;
    page->setObjectName(u"tokenResult"_s);
    auto *layout = new QVBoxLayout(page);
    auto *title = new QLabel(tr("<b>Token for %1/%2</b>").arg(m_ns.toHtmlEscaped(), m_account.toHtmlEscaped()));
    layout->addWidget(title);
    m_token = new SecretField;
    m_token->setObjectName(u"token"_s);
    m_token->setValue(result.token);
    layout->addWidget(m_token);
    m_expiry = new QLabel;
    m_expiry->setObjectName(u"expiry"_s);
    layout->addWidget(m_expiry);
    for (const QString &warning : result.warnings) {
        auto *shortened = new QLabel(tr("⚠ The server changed the request: %1").arg(warning));
        shortened->setObjectName(u"serverWarning"_s);
        shortened->setWordWrap(true);
        layout->addWidget(shortened);
    }
    auto *claimsForm = new QFormLayout;
    if (const auto claims = TokenClaims::decode(result.token.reveal())) {
        const QLocale locale;
        claimsForm->addRow(tr("Subject:"), new QLabel(claims->subject));
        claimsForm->addRow(tr("Audiences:"), new QLabel(claims->audiences.join(u", "_s)));
        claimsForm->addRow(tr("Issued:"),
                           new QLabel(locale.toString(claims->issuedAt.toLocalTime(), QLocale::ShortFormat)));
        claimsForm->addRow(tr("Expires:"),
                           new QLabel(locale.toString(claims->expiresAt.toLocalTime(), QLocale::ShortFormat)));
        claimsForm->addRow(tr("Bound to:"),
                           new QLabel(claims->boundKind.isEmpty()
                                          ? tr("nothing")
                                          : QString(claims->boundKind + u'/' + claims->boundName)));
    }
    layout->addLayout(claimsForm);
    auto *test = new QPushButton(tr("&Test token"));
    test->setObjectName(u"testToken"_s);
    m_testResult = new QLabel;
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    connect(test, &QPushButton::clicked, this, &IssueTokenDialog::testToken);
    layout->addWidget(test, 0, Qt::AlignLeft);
    layout->addWidget(m_testResult);
    layout->addStretch();
    m_countdown = new QTimer(this);
    connect(m_countdown, &QTimer::timeout, this, &IssueTokenDialog::updateCountdown);
    m_countdown->start(1000);
    updateCountdown();
    showResultPage(page);
}

void IssueTokenDialog::updateCountdown()
{
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    m_expiry->setText(
        tr("Expires %1 (%2)")
            .arg(QLocale().toString(m_expiresAt.toLocalTime().time(), QLocale::ShortFormat), inWords(left)));
}

void IssueTokenDialog::testToken()
{
    // A client of its own, with this token as its only credential: who does the cluster think it is?
    // Kept by the dialog: the operation belongs to its client, which must outlive it.
    m_testClient = m_client->withToken(m_issued.reveal());
    Operation *whoAmI = ops::whoAmI(m_testClient.get());
    m_testResult->setText(tr("Asking the cluster…"));
    connect(whoAmI, &Operation::finished, this, [this](const OperationResult &result) {
        m_testResult->setText(result.ok() ? tr("Authenticates as %1").arg(result.object.value("username"_L1).toString())
                                          : tr("Refused: %1").arg(result.error->userMessage()));
    });
}

} // namespace sa
