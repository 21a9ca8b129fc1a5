#pragma once

#include "api/Operations.h"
#include "resources/SecretBytes.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace sa {

// The YAML of one object (Ctrl+Y), as `kubectl get -o yaml` shows it, read-only. The object is read with one GET
// when the dialog is first shown: for a Secret that is the only moment its values are read. A Secret's values are
// masked until "Reveal values" (Ctrl+H) and masked again whenever the dialog hides. "Save…" writes what is shown,
// all or nothing, to a file readable only by its owner when it holds secret values. A failed read shows the
// server's sentence.
class YamlDialog : public QDialog
{
    Q_OBJECT
public:
    // `kind`: ServiceAccount, Secret, Pod or Deployment.
    YamlDialog(KubeClient *client, const QString &kind, const QString &ns, const QString &name,
               QWidget *parent = nullptr);
    ~YamlDialog() override;

    // Whether the object has been read (and is shown).
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    // Whether a Secret's values are shown.
    [[nodiscard]] bool isRevealed() const;
    // Only a Secret's values can be revealed; for other kinds it does nothing.
    void setRevealed(bool revealed);
    // Writes the YAML as shown to `path` (what "Save…" does once the user chose a file): through a temporary file,
    // so that an existing file is replaced only by a complete one; mode 0600 when it holds secret values. False
    // with *error (a sentence for the user) when nothing was written.
    bool saveTo(const QString &path, QString *error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void load();
    void onLoaded(const OperationResult &result);
    void save();
    void showYaml();
    void showPlaceholder(const QString &text, bool problem);
    void showSaveStatus(const QString &text, bool problem);

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    QString m_kind;
    QString m_ns;
    QString m_name;
    QPointer<Operation> m_read;
    bool m_requested = false;
    bool m_loaded = false;
    QString m_maskedYaml; // all of it for kinds without secret values
    SecretBytes m_revealedYaml; // Secrets only
    QStackedWidget *m_view;
    QLabel *m_placeholder; // "Loading…", or why there is nothing to show
    QPlainTextEdit *m_yaml;
    QLabel *m_saveStatus;
    QPushButton *m_reveal;
    QPushButton *m_save;
};

} // namespace sa
