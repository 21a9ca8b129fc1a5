#include "IssueTokenDialog.h"

#include "Preferences.h"
#include "TokenView.h"

#include "resources/Resources.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The bound-object choice that makes a Secret for the token.
const QString kNewSecret = QStringLiteral("new-secret");

} // namespace

namespace sa {

namespace {

constexpr int kCustomLifetime = -1;

} // namespace

IssueTokenDialog::IssueTokenDialog(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                   const QStringList &pods, const QStringList &secrets, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_ns(ns)
    , m_account(serviceAccount)
    , m_lifetime(new QComboBox)
    , m_minutes(new QSpinBox)
    , m_audiences(new QLineEdit)
    , m_bound(new QComboBox)
    , m_lifetimeNote(new QLabel)
{
    setObjectName(u"issueTokenDialog"_s);
    setWindowTitle(tr("Issue token for %1/%2").arg(ns, serviceAccount));
    m_lifetime->setObjectName(u"lifetime"_s);
    m_lifetime->setAccessibleName(tr("Lifetime"));
    for (const auto &[label, seconds] :
         {std::pair {tr("10 minutes"), 600}, std::pair {tr("30 minutes"), 1800}, std::pair {tr("1 hour"), 3600},
          std::pair {tr("8 hours"), 8 * 3600}, std::pair {tr("24 hours"), 24 * 3600},
          std::pair {tr("Custom…"), kCustomLifetime}})
        m_lifetime->addItem(label, seconds);
    m_minutes->setObjectName(u"minutes"_s);
    m_minutes->setAccessibleName(tr("Lifetime in minutes"));
    m_minutes->setRange(1, kMaximumMinutes);
    m_minutes->setSuffix(tr(" min"));
    // The user's default (Edit > Preferences; 1 hour, the server's own, unless changed): its preset, else in minutes.
    const int minutes = Preferences::load().tokenMinutes;
    const int preset = m_lifetime->findData(minutes * 60);
    m_lifetime->setCurrentIndex(preset >= 0 ? preset : m_lifetime->findData(kCustomLifetime));
    m_minutes->setValue(minutes);
    m_minutes->setEnabled(preset < 0);
    m_audiences->setObjectName(u"audiences"_s);
    m_audiences->setAccessibleName(tr("Audiences"));
    m_audiences->setPlaceholderText(tr("the API server's (leave empty)"));
    // A bound token dies with its object: a pod that uses it, or a secret whose deletion revokes it.
    m_bound->setObjectName(u"boundObject"_s);
    m_bound->setAccessibleName(tr("Bound to"));
    m_bound->addItem(tr("Nothing (valid until it expires)"));
    m_bound->addItem(tr("A new Secret made for it (revoke by deleting the Secret)"), QStringList {kNewSecret});
    for (const QString &pod : pods)
        m_bound->addItem(u"pod/"_s + pod, QStringList {u"Pod"_s, pod});
    for (const QString &secret : secrets)
        m_bound->addItem(u"secret/"_s + secret, QStringList {u"Secret"_s, secret});
    m_lifetimeNote->setObjectName(u"lifetimeNote"_s);
    m_lifetimeNote->setTextFormat(Qt::PlainText);
    m_lifetimeNote->setWordWrap(true);

    auto *lifetime = new QWidget;
    auto *lifetimeLayout = new QHBoxLayout(lifetime);
    lifetimeLayout->setContentsMargins(0, 0, 0, 0);
    lifetimeLayout->addWidget(m_lifetime);
    lifetimeLayout->addWidget(m_minutes);
    formLayout()->addRow(tr("&Lifetime:"), lifetime);
    formLayout()->addRow(QString(), m_lifetimeNote);
    formLayout()->addRow(tr("&Audiences:"), m_audiences);
    formLayout()->addRow(tr("&Bound to:"), m_bound);

    connect(m_lifetime, &QComboBox::currentIndexChanged, this, [this] {
        m_minutes->setEnabled(m_lifetime->currentData().toInt() == kCustomLifetime);
        revalidate();
    });
    connect(m_minutes, &QSpinBox::valueChanged, this, &IssueTokenDialog::revalidate);
    revalidate();
}

qint64 IssueTokenDialog::lifetimeSeconds() const
{
    const int preset = m_lifetime->currentData().toInt();
    return preset == kCustomLifetime ? qint64(m_minutes->value()) * 60 : preset;
}

QString IssueTokenDialog::lifetimeProblem(qint64 seconds)
{
    return seconds < kMinimumMinutes * 60 ? tr("The server refuses lifetimes under 10 minutes.") : QString();
}

QString IssueTokenDialog::lifetimeWarning(qint64 seconds)
{
    // A warning, not an objection: long-lived bearer tokens are what bound tokens are meant to replace.
    return seconds > 24 * 3600 ? tr("⚠ A token that lives more than a day is as good as a password for that long. The "
                                    "cluster may also shorten it.")
                               : QString();
}

QString IssueTokenDialog::validate() const
{
    const qint64 seconds = lifetimeSeconds();
    const_cast<QLabel *>(m_lifetimeNote)->setText(lifetimeWarning(seconds));
    return lifetimeProblem(seconds);
}

void IssueTokenDialog::apply()
{
    TokenRequestOptions options;
    options.expirationSeconds = lifetimeSeconds();
    for (const QString &audience : m_audiences->text().split(u',', Qt::SkipEmptyParts))
        options.audiences.append(audience.trimmed());
    const QStringList bound = m_bound->currentData().toStringList();
    if (bound == QStringList {kNewSecret}) {
        // A token that may have come of a failed request is bound to the Secret made for it, which goes with it;
        // and one that did not get that far leaves no token either.
        setOutcomeSentences(tr("No token was issued."), {});
        runOperation(ops::requestRevocableToken(m_client, m_ns, m_account, options), tr("Requesting…"));
        return;
    }
    if (bound.size() == 2) {
        options.boundKind = bound.at(0);
        options.boundName = bound.at(1);
    }
    // A TokenRequest stores nothing, so nothing can be checked: a token the server may have made was never shown.
    setOutcomeSentences(tr("No token was issued."),
                        tr("A token may have been issued, but it was never shown to anyone and expires on its own."));
    runOperation(ops::requestToken(m_client, m_ns, m_account, options), tr("Requesting…"));
}

QWidget *IssueTokenDialog::revocation(const QString &secret, const QString &uid)
{
    auto *box = new QWidget;
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *state = new QLabel(tr("Deleting secret %1/%2 revokes this token at once.").arg(m_ns, secret));
    state->setObjectName(u"revocationState"_s);
    state->setTextFormat(Qt::PlainText);
    state->setWordWrap(true);
    auto *revoke = new QPushButton(tr("&Revoke now"));
    revoke->setObjectName(u"revokeNow"_s);
    revoke->setToolTip(tr("Deletes secret %1: the cluster refuses the token from then on").arg(secret));
    row->addWidget(state, 1);
    row->addWidget(revoke);
    connect(revoke, &QPushButton::clicked, this, [this, secret, uid, state, revoke] {
        revoke->setEnabled(false);
        state->setText(tr("Deleting secret %1/%2…").arg(m_ns, secret));
        Operation *removal = ops::deleteSecret(m_client, m_ns, secret, uid);
        connect(removal, &Operation::finished, state, [this, secret, state, revoke](const OperationResult &result) {
            // Already gone is revoked too, and so is a Secret the uid precondition refused: one made again under the
            // name is not the one the token is bound to.
            if (result.ok() || result.error->isNotFound() || result.error->httpStatus == 409) {
                state->setText(
                    tr("Revoked: secret %1/%2 is deleted, and the cluster refuses this token.").arg(m_ns, secret));
            } else {
                state->setText(tr("Not revoked: %1").arg(result.error->userMessage()));
                revoke->setEnabled(true);
            }
        });
    });
    return box;
}

void IssueTokenDialog::applySucceeded(const OperationResult &result)
{
    auto *page = new QWidget;
    page->setObjectName(u"tokenResult"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("<b>Token for %1/%2</b>").arg(m_ns.toHtmlEscaped(), m_account.toHtmlEscaped())));
    const IssuedToken &issued = *result.get<IssuedToken>();
    auto *view = new TokenView(m_client, m_ns, m_account, issued.token);
    layout->addWidget(view);
    QStringList notes;
    for (const QString &warning : result.warnings)
        notes.append(tr("⚠ The server changed the request: %1").arg(warning));
    // A cluster may also cap lifetimes without a word (--service-account-max-token-expiration, or extend them
    // with --service-account-extend-token-expiration): compare what came with what was asked.
    const auto claims = TokenClaims::decode(issued.token.reveal());
    const qint64 asked = lifetimeSeconds();
    const qint64 granted = claims && claims->issuedAt.isValid() ? claims->issuedAt.secsTo(claims->expiresAt) : asked;
    if (notes.isEmpty() && granted < asked - 60)
        notes.append(tr("⚠ The server shortened the lifetime to %1 minutes (%2 were asked for).")
                         .arg(granted / 60)
                         .arg(asked / 60));
    if (!issued.revocationSecret.isEmpty())
        layout->addWidget(revocation(issued.revocationSecret, issued.revocationSecretUid));
    for (const QString &note : std::as_const(notes)) {
        auto *label = new QLabel(note);
        label->setObjectName(u"serverWarning"_s);
        label->setTextFormat(Qt::PlainText); // the server's Warning header, never markup
        label->setWordWrap(true);
        layout->insertWidget(1, label);
    }
    layout->addStretch();
    showResultPage(page);
}

} // namespace sa
