/**
 * deploy/ agrees with the service: the Kubernetes grace period covers
 * SHUTDOWN_GRACE_MS, probes use /healthz and /readyz, the secret comes from a
 * Secret, and both replicas of the compose file share one VERIFY_SECRET.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (name: string) => readFileSync(new URL(`../../deploy/${name}`, import.meta.url), 'utf8');
const number = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? Number.NaN);

describe('deploy/kubernetes.yaml', () => {
  const manifest = read('kubernetes.yaml');

  it('gives SIGTERM the whole shutdown grace period, and more', () => {
    const grace = number(manifest, /SHUTDOWN_GRACE_MS, value: "(\d+)"/);
    const termination = number(manifest, /terminationGracePeriodSeconds: (\d+)/);
    expect(grace).toBeGreaterThan(0);
    expect(termination * 1000).toBeGreaterThan(grace);
  });

  it('probes /healthz for liveness and /readyz for readiness, takes the secret from a Secret, requests resources', () => {
    expect(manifest).toMatch(/livenessProbe:\s+httpGet: \{ path: \/healthz/);
    expect(manifest).toMatch(/readinessProbe:\s+httpGet: \{ path: \/readyz/);
    expect(manifest).toMatch(/name: VERIFY_SECRET\s+valueFrom: \{ secretKeyRef:/);
    expect(manifest).toMatch(/requests: \{ cpu: "[^"]+", memory: \w+ \}/);
    expect(manifest).toMatch(/kind: Deployment[\s\S]+replicas: 2[\s\S]+kind: Service/);
    expect(manifest).toContain('NODE_ENV, value: production');
  });
});

describe('deploy/compose.yaml', () => {
  const compose = read('compose.yaml');

  it('runs two replicas from one service definition (one VERIFY_SECRET) behind a proxy', () => {
    expect(compose).toMatch(/docs-1: \*service/);
    expect(compose).toMatch(/docs-2: \*service/);
    expect(compose).toMatch(/VERIFY_SECRET: \$\{VERIFY_SECRET:\?/);
    const nginx = read('nginx.conf');
    expect(nginx).toMatch(/server docs-1:3000/);
    expect(nginx).toMatch(/server docs-2:3000/);
    expect(nginx).toContain('proxy_buffering off');
    const grace = number(compose, /SHUTDOWN_GRACE_MS: "(\d+)"/);
    expect(number(compose, /stop_grace_period: (\d+)s/) * 1000).toBeGreaterThan(grace);
  });
});
