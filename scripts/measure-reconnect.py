#!/usr/bin/env python3
# Reconnect time after a SIGKILL of the node, as a long-lived client sees it: a client process inserting one row per call
# (tests/AkkaRpc.Integration.TestClient), the node killed after 300 acks, time to the first ack through the respawned node.
#   scripts/measure-reconnect.py <akkarpc executable to spawn> <akkarpc-test-client executable>
import os, subprocess, sys, time, tempfile, signal, statistics
exe, client = sys.argv[1], sys.argv[2]
results = []
for run in range(5):
    d = tempfile.mkdtemp(prefix="akkarpc-rc-"); os.makedirs(d + "/run", mode=0o700)
    env = dict(os.environ, AKKARPC_RUNTIME_DIR=d + "/run", AKKARPC_DATA_DIR=d + "/data", AKKARPC_SERVER=exe)
    p = subprocess.Popen([client, "orders", "0", "3000"], stdout=subprocess.PIPE, text=True, env=env)
    acks = 0; killed = None; lost = None
    for line in p.stdout:
        if line.startswith("ack "):
            acks += 1
            if killed is not None and lost is not None:
                results.append((time.monotonic() - killed) * 1000); break
            if acks == 300 and killed is None:
                pid = int(open(d + "/run/node.json").read().split('"pid":')[1].split(",")[0])
                killed = time.monotonic(); os.kill(pid, signal.SIGKILL)
        elif line.startswith(("unknown", "retry")) and killed is not None:
            lost = lost or time.monotonic()
        if killed is not None and lost is None and line.startswith("ack "):
            pass
    p.kill(); p.wait()
    subprocess.run([exe, "stop"], env=env, capture_output=True)
print("kill -> first ack through the new node (ms):", ["%.0f" % r for r in results], "median %.0f" % statistics.median(results))
