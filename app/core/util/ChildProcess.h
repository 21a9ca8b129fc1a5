#pragma once

class QProcess;

namespace sa {

// Makes the process that `process` starts next end when this process ends, however it ends: a quit, a signal,
// SIGKILL or a crash. Linux: PR_SET_PDEATHSIG (SIGKILL) set in the child before exec; elsewhere nothing (the
// caller's own cleanup is all there is). Call start() from a thread that lives as long as the child should: the
// kernel sends the signal when the *thread* that forked ends, not the process (here, always the GUI thread).
void endWithThisProcess(QProcess &process);

// As endWithThisProcess, and on Unix the child leads a process group of its own, so that killGroup() also ends
// whatever it started: an exec plugin's helpers (aws, gcloud and az run some), what a login shell's profile runs.
void endWithThisProcessInOwnGroup(QProcess &process);

// Kills the group a process started with endWithThisProcessInOwnGroup() leads (SIGKILL), then the process itself.
void killGroup(QProcess &process);

} // namespace sa
