#!/usr/bin/env bash
# Start a one-node Slurm cluster on this machine (root; Debian's slurm-wlm and munge installed):
# munged as the munge user, then slurmctld and slurmd with proctrack/linuxproc and task/none (no
# cgroups needed), one node of $(nproc) CPUs in one default partition. Idempotent: daemons already
# running are left alone. `scripts/test-cluster.sh` uses it; `.ci/run` installs the packages.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "slurm-one-node: needs root" >&2; exit 1; }
command -v slurmctld >/dev/null && command -v munged >/dev/null || {
  echo "slurm-one-node: install slurm-wlm and munge first (apt-get install -y slurm-wlm munge)" >&2; exit 1; }

# munge: a key (mungekey, or 1 KiB of random bytes), mode 400, owned by munge.
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
if [ ! -s /etc/munge/munge.key ]; then
  mungekey -c -f -k /etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 400 /etc/munge/munge.key
chmod 755 /run/munge
if ! pgrep -x munged >/dev/null; then runuser -u munge -- /usr/sbin/munged; fi
for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
munge -n | unmunge >/dev/null

HOST="$(hostname -s)"
CPUS="$(nproc)"
mkdir -p /etc/slurm /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=binhai
SlurmctldHost=${HOST}
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
SlurmUser=root
SlurmdUser=root
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=${HOST} CPUs=${CPUS} State=UNKNOWN
PartitionName=main Nodes=${HOST} Default=YES MaxTime=INFINITE State=UP
CONF
if ! pgrep -x slurmctld >/dev/null; then /usr/sbin/slurmctld; fi
if ! pgrep -x slurmd >/dev/null; then /usr/sbin/slurmd; fi
for _ in $(seq 100); do
  state="$(sinfo -h -n "${HOST}" -o %T 2>/dev/null || true)"
  case "$state" in idle*|mix*|alloc*) echo "slurm-one-node: ${HOST} ${state}, ${CPUS} CPUs"; exit 0 ;; esac
  sleep 0.2
done
echo "slurm-one-node: the node did not become idle; last state: ${state:-none}" >&2
tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
exit 1
