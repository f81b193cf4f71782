// The admission checker of the policy-as-code lesson: the YAML subset parser (checked against
// PyYAML on the bundled manifest), each constraint passing and failing on small Pods worked out by
// hand, the bundled Pod's exact violations, and the fixed Pod that the cluster admits.
import { describe, expect, it } from 'vitest';
import {
	admissionReport,
	DEFAULT_MANIFEST,
	parseYaml,
	POLICIES,
	type PolicyId
} from '../../src/lib/lessons/policy-check';
import { SOLVED, WARNED } from '../fixtures/policy-check';

const report = (text: string) => {
	const r = admissionReport(text);
	if ('error' in r) throw new Error(r.error);
	return r;
};
const yaml = (text: string) => {
	const r = parseYaml(text);
	if ('error' in r) throw new Error(r.error);
	return r.value;
};
const error = (text: string) => {
	const r = admissionReport(text);
	return 'error' in r ? r.error : null;
};
/** The messages of one policy. */
const messages = (text: string, id: PolicyId) =>
	report(text)
		.results.find((r) => r.id === id)!
		.violations.map((v) => v.message);

/** A Pod that passes every constraint; each test breaks one thing in it. */
const CLEAN = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: registry.example.com/web:1.0
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
      resources:
        limits:
          cpu: 250m
          memory: 64Mi
`;

describe('the YAML subset', () => {
	it('reads the bundled manifest exactly as PyYAML does', () => {
		// python3 -c 'import yaml, json, sys; print(json.dumps(yaml.safe_load(sys.stdin.read())))'
		// on DEFAULT_MANIFEST (PyYAML 6.0.3):
		const pyyaml = JSON.parse(
			'{"apiVersion":"v1","kind":"Pod","metadata":{"name":"orders-api","namespace":"shop","labels":{"app":"orders-api"}},"spec":{"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},"initContainers":[{"name":"migrate","image":"registry.example.com/shop/orders-migrate:latest","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}},"resources":{"limits":{"cpu":"200m","memory":"128Mi"}}}],"containers":[{"name":"api","image":"docker.io/acme/orders-api:2.4.1","ports":[{"containerPort":8080}],"securityContext":{"runAsUser":0,"allowPrivilegeEscalation":true,"capabilities":{"add":["NET_ADMIN"]}},"resources":{"limits":{"memory":"256Mi"}}},{"name":"log-shipper","image":"registry.example.com/tools/fluent-bit","securityContext":{"privileged":true,"seccompProfile":{"type":"Unconfined"}}}]}}'
		);
		expect(yaml(DEFAULT_MANIFEST)).toEqual(pyyaml);
	});

	it('reads lists at the key’s indentation, flow lists, quotes, {} and comments', () => {
		expect(
			yaml(
				"---\na:\n- x   # a comment\n- y: 1\n  z: [a, \"b, c\", 'it''s', 3]\nq: {}\nr: 'x # not a comment'\ns: \"tab\\tend\"\nt: ~\nu: -2\nv: 0.5\nw:\n"
			)
		).toEqual({
			a: ['x', { y: 1, z: ['a', 'b, c', "it's", 3] }],
			q: {},
			r: 'x # not a comment',
			s: 'tab\tend',
			t: null,
			u: -2,
			v: 0.5,
			w: null
		});
		expect(yaml('a:\n  - - 1\n    - 2\n  - []\n')).toEqual({ a: [[1, 2], []] });
		expect(yaml('"app.kubernetes.io/name": x\nk8s.io/x-y_z: True\n')).toEqual({
			'app.kubernetes.io/name': 'x',
			'k8s.io/x-y_z': true
		});
	});

	it('names the line of anything outside the subset', () => {
		const e = (text: string) => {
			const r = parseYaml(text);
			return 'error' in r ? r.error : null;
		};
		expect(e('a:\n\tb: 1')).toBe(
			'Manifest, line 2: indent with spaces: YAML does not allow tabs for indentation.'
		);
		expect(e('a: 1\n---\nb: 2')).toBe(
			'Manifest, line 2: “---” starts a second document: check one manifest at a time.'
		);
		expect(e('a: &x 1')).toBe(
			'Manifest, line 1: anchors (“&”) are not supported: write the value out in full.'
		);
		expect(e('a: 1\nb: *x')).toBe(
			'Manifest, line 2: aliases (“*”) are not supported: write the value out in full.'
		);
		expect(e('a: |\n  text')).toMatch(/^Manifest, line 1: block scalars/);
		expect(e('a: !!str 1')).toMatch(/^Manifest, line 1: tags/);
		expect(e('a: {b: 1}')).toMatch(/^Manifest, line 1: flow maps/);
		expect(e('a: [1, [2]]')).toMatch(/^Manifest, line 1: lists inside/);
		expect(e('a: [1, 2')).toBe('Manifest, line 1: close the list with “]” on the same line.');
		expect(e('a: "open')).toMatch(/^Manifest, line 1: close the quoted value/);
		expect(e('a: 1\na: 2')).toBe('Manifest, line 2: “a” is given twice in the same map (line 1).');
		expect(e('a: 1\n  b: 2')).toMatch(/^Manifest, line 2: this line is indented further/);
		expect(e('a:\n  b: 1\nc\n')).toMatch(/^Manifest, line 3: write “key: value”/);
		expect(e('a: b: c')).toMatch(/^Manifest, line 1: “b: c” has a “:” inside a value/);
		expect(e('a: yes')).toMatch(/^Manifest, line 1: write true or false, not “yes”/);
		expect(e('a: 1\n- b')).toBe(
			'Manifest, line 2: a list item and a “key: value” cannot share a level.'
		);
		expect(e('  a: 1')).toMatch(/^Manifest, line 1: the document starts indented/);
		expect(e('# only a comment\n')).toBe('Manifest: paste a Pod manifest to check.');
		expect(e('a: 1\n'.repeat(201))).toBe('Manifest, line 201: use at most 200 lines.');
		expect(e(`a: ${'x'.repeat(400)}`)).toMatch(/^Manifest, line 1: keep each line under 300/);
		expect(e('a: 1\n'.repeat(150) + `b: ${'x'.repeat(299)}\n`.repeat(40))).toMatch(
			/^Manifest: use at most 10000 characters/
		);
		const deep = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
		expect(e(deep + ' 1')).toMatch(/nest at most 16 levels deep/);
	});

	it('refuses what is not a Pod or a workload, naming the line', () => {
		expect(error('apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec: {}')).toBe(
			'Manifest, line 2: a Service has no Pod to check: use a Pod, or a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job.'
		);
		expect(error('kind: Pod')).toBe('Manifest: give the apiVersion, such as “apiVersion: v1”.');
		expect(error(CLEAN.replace('  containers:', '  workers:'))).toBe(
			'Manifest: spec.containers must list at least one container.'
		);
		expect(error(CLEAN.replace('      image: registry.example.com/web:1.0\n', ''))).toBe(
			'Manifest, line 11: give the container “web” an image.'
		);
		expect(error(CLEAN.replace('  containers:', '  containers: web\n  other:'))).toMatch(
			/^Manifest, line 10: spec.containers is a list of containers/
		);
	});
});

describe('each constraint', () => {
	it('the clean Pod passes all eight', () => {
		const r = report(CLEAN);
		expect(r.results.map((x) => x.violations.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
		expect(r.passed).toBe(8);
		expect(r.solved).toBe(true);
		expect(POLICIES.map((p) => p.action)).toEqual([
			'deny',
			'deny',
			'deny',
			'deny',
			'deny',
			'deny',
			'warn',
			'warn'
		]);
	});

	it('internal-registry-only: the module’s prefix, with its message', () => {
		expect(
			messages(CLEAN.replace('registry.example.com/web', 'docker.io/web'), 'registries')
		).toEqual(['container "web" uses unapproved image "docker.io/web:1.0"']);
		// A look-alike host is not the registry: the prefix includes the “/”.
		expect(
			messages(
				CLEAN.replace('registry.example.com/', 'registry.example.com.evil.io/'),
				'registries'
			)
		).toHaveLength(1);
	});

	it('no-latest-tag: latest and untagged are refused; a digest, a port and a version pass', () => {
		expect(messages(CLEAN.replace('web:1.0', 'web:latest'), 'tags')).toEqual([
			'container <web> uses a disallowed tag <registry.example.com/web:latest>; disallowed tags are ["latest"]'
		]);
		expect(messages(CLEAN.replace('web:1.0', 'web'), 'tags')).toEqual([
			"container <web> didn't specify an image tag <registry.example.com/web>"
		]);
		expect(messages(CLEAN.replace('web:1.0', 'web@sha256:' + 'a'.repeat(64)), 'tags')).toEqual([]);
		expect(messages(CLEAN.replace('web:1.0', 'web:latest-2'), 'tags')).toEqual([]);
		expect(
			messages(
				CLEAN.replace('registry.example.com/web:1.0', 'registry.example.com:5000/web'),
				'tags'
			)
		).toHaveLength(1);
	});

	it('no-privileged-containers: privileged: true only', () => {
		const with_ = (v: string) =>
			CLEAN.replace(
				'allowPrivilegeEscalation: false',
				`allowPrivilegeEscalation: false\n        privileged: ${v}`
			);
		expect(messages(with_('true'), 'privileged')).toEqual([
			'container <web> is privileged: securityContext.privileged must be false or absent'
		]);
		expect(messages(with_('false'), 'privileged')).toEqual([]);
	});

	it('no-privilege-escalation: must be false, explicitly', () => {
		expect(
			messages(
				CLEAN.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'),
				'escalation'
			)
		).toEqual(['container <web> allows privilege escalation: set allowPrivilegeEscalation: false']);
		expect(
			messages(CLEAN.replace('        allowPrivilegeEscalation: false\n', ''), 'escalation')
		).toEqual(['container <web> must set securityContext.allowPrivilegeEscalation: false']);
	});

	it('run-as-non-root: the Pod’s setting counts, a container can override it, user 0 is root', () => {
		const noPod = CLEAN.replace('    runAsNonRoot: true\n', '');
		expect(messages(noPod, 'nonRoot')).toEqual([
			"container <web> may run as root: set runAsNonRoot: true in the Pod's or the container's securityContext"
		]);
		expect(
			messages(
				noPod.replace(
					'allowPrivilegeEscalation: false',
					'allowPrivilegeEscalation: false\n        runAsNonRoot: true'
				),
				'nonRoot'
			)
		).toEqual([]);
		expect(
			messages(
				CLEAN.replace(
					'allowPrivilegeEscalation: false',
					'allowPrivilegeEscalation: false\n        runAsNonRoot: false'
				),
				'nonRoot'
			)
		).toEqual(["container <web> sets runAsNonRoot: false, overriding the Pod's setting"]);
		expect(
			messages(
				CLEAN.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 0\n'),
				'nonRoot'
			)
		).toEqual(['container <web> runs as user 0 (root): runAsUser must not be 0']);
		expect(
			messages(
				CLEAN.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 1000\n'),
				'nonRoot'
			)
		).toEqual([]);
	});

	it('drop-all-capabilities: ALL dropped, only NET_BIND_SERVICE added', () => {
		expect(messages(CLEAN.replace('drop: [ALL]', 'drop: [NET_RAW]'), 'capabilities')).toEqual([
			'container <web> must drop ALL capabilities: capabilities.drop: [ALL]'
		]);
		expect(
			messages(
				CLEAN.replace('drop: [ALL]', 'drop: [ALL]\n          add: [NET_BIND_SERVICE]'),
				'capabilities'
			)
		).toEqual([]);
		expect(
			messages(
				CLEAN.replace(
					'drop: [ALL]',
					'drop:\n            - ALL\n          add: [SYS_ADMIN, NET_BIND_SERVICE, NET_RAW]'
				),
				'capabilities'
			)
		).toEqual(['container <web> adds SYS_ADMIN, NET_RAW; only NET_BIND_SERVICE may be added']);
	});

	it('seccomp-runtime-default: Pod or container, RuntimeDefault or Localhost', () => {
		const noPod = CLEAN.replace('    seccompProfile:\n      type: RuntimeDefault\n', '');
		expect(messages(noPod, 'seccomp')).toEqual([
			'container <web> has no seccomp profile: set seccompProfile.type: RuntimeDefault on the Pod or the container'
		]);
		const own = (t: string) =>
			noPod.replace(
				'allowPrivilegeEscalation: false',
				`allowPrivilegeEscalation: false\n        seccompProfile:\n          type: ${t}`
			);
		expect(messages(own('Localhost'), 'seccomp')).toEqual([]);
		expect(messages(own('Unconfined'), 'seccomp')).toEqual([
			'container <web> uses seccomp profile <Unconfined>; allowed are RuntimeDefault and Localhost'
		]);
		// The container's own profile wins over the Pod's.
		expect(
			messages(
				CLEAN.replace(
					'allowPrivilegeEscalation: false',
					'allowPrivilegeEscalation: false\n        seccompProfile:\n          type: Unconfined'
				),
				'seccomp'
			)
		).toHaveLength(1);
	});

	it('require-limits: CPU and memory, with the library’s messages', () => {
		expect(messages(CLEAN.replace('          cpu: 250m\n', ''), 'limits')).toEqual([
			'container <web> has no cpu limit'
		]);
		expect(
			messages(CLEAN.replace('          memory: 64Mi\n', '          memory: ""\n'), 'limits')
		).toEqual(['container <web> has no memory limit']);
		expect(
			messages(
				CLEAN.replace(
					'      resources:\n        limits:\n          cpu: 250m\n          memory: 64Mi\n',
					''
				),
				'limits'
			)
		).toEqual(['container <web> has no resource limits']);
	});

	it('a warn violation alone admits the Pod but does not solve the task', () => {
		const r = report(CLEAN.replace('          cpu: 250m\n', ''));
		expect(r.admitted).toBe(true);
		expect(r.solved).toBe(false);
		expect(r.warnings.map((w) => `[${w.constraint}] ${w.message}`)).toEqual([
			'[require-limits] container <web> has no cpu limit'
		]);
		const d = report(CLEAN.replace('web:1.0', 'web'));
		expect([d.admitted, d.solved, d.denials.length]).toEqual([false, false, 1]);
	});

	it('a Deployment is checked through its Pod template', () => {
		const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: web
        image: registry.example.com/web:1.0
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop: ["ALL"]
        resources:
          limits: {cpu: 250m, memory: 64Mi}
`;
		expect(error(deployment)).toMatch(/^Manifest, line 24: flow maps/);
		const fixed = deployment.replace(
			'limits: {cpu: 250m, memory: 64Mi}',
			'limits:\n            cpu: 250m\n            memory: 64Mi'
		);
		const r = report(fixed);
		expect(r.pod.specPath).toBe('spec.template.spec');
		expect(r.solved).toBe(true);
		expect(report(fixed.replace('web:1.0', 'web:latest')).denials).toHaveLength(1);
	});
});

describe('the bundled Pod and the task', () => {
	it('starts denied by all six deny constraints, with three warnings', () => {
		const r = report(DEFAULT_MANIFEST);
		expect(r.passed).toBe(0);
		expect(r.admitted).toBe(false);
		// By hand, container by container (migrate, api, log-shipper): registries 0+1+0, tags 1+0+1,
		// privileged 0+0+1, escalation 0+1+1, non-root 0+1+0, capabilities 0+2+1 → 10 denials;
		// seccomp 0+0+1 and limits 0+1+1 → 3 warnings.
		expect(r.results.map((x) => x.violations.length)).toEqual([1, 2, 1, 2, 1, 3, 1, 2]);
		expect(r.denials).toHaveLength(10);
		expect(r.warnings.map((w) => `${w.line} [${w.constraint}] ${w.message}`)).toEqual([
			'42 [seccomp-runtime-default] container <log-shipper> uses seccomp profile <Unconfined>; allowed are RuntimeDefault and Localhost',
			'36 [require-limits] container <api> has no cpu limit',
			'38 [require-limits] container <log-shipper> has no resource limits'
		]);
		expect(r.denials[0]).toEqual({
			constraint: 'internal-registry-only',
			action: 'deny',
			message: 'container "api" uses unapproved image "docker.io/acme/orders-api:2.4.1"',
			line: 27
		});
	});

	it('the fixed Pod is admitted with no deny and no warning', () => {
		const r = report(SOLVED);
		expect(r.results.filter((x) => x.violations.length)).toEqual([]);
		expect([r.passed, r.denials.length, r.warnings.length, r.admitted, r.solved]).toEqual([
			8,
			0,
			0,
			true,
			true
		]);
	});

	it('with the denials fixed but warnings left, the Pod is admitted and the task not solved', () => {
		const r = report(WARNED);
		// By hand: no Pod seccomp profile leaves all three containers without one, api lacks a CPU limit.
		expect([r.passed, r.denials.length, r.warnings.length, r.admitted, r.solved]).toEqual([
			6,
			0,
			4,
			true,
			false
		]);
	});

	it('one fix short is not solved: a missing CPU limit leaves one warning', () => {
		const r = report(SOLVED.replace('          cpu: 100m\n', ''));
		expect([r.passed, r.admitted, r.solved, r.warnings.length]).toEqual([7, true, false, 1]);
	});
});

describe('the admission checker in French', () => {
	it('names the line and the problem in the page’s language; rules too; violations stay kubectl’s', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const tabbed = 'apiVersion: v1\nkind: Pod\n\tmetadata: {}';
		expect(withLocale('en', () => parseYaml(tabbed))).toEqual({
			error: 'Manifest, line 3: indent with spaces: YAML does not allow tabs for indentation.'
		});
		expect(withLocale('fr', () => parseYaml(tabbed))).toEqual({
			error:
				'Manifeste, ligne 3 : indentez avec des espaces : YAML n’accepte pas de tabulation dans l’indentation.'
		});
		// A special first character, a doubled key, and a manifest with no line to point at.
		expect(withLocale('fr', () => parseYaml('a: &x 1'))).toEqual({
			error:
				'Manifeste, ligne 1 : les ancres (« & ») ne sont pas prises en charge : écrivez la valeur en entier.'
		});
		expect(withLocale('fr', () => parseYaml('a: 1\nb: 2\na: 3'))).toEqual({
			error: 'Manifeste, ligne 3 : « a » apparaît deux fois dans la même map (ligne 1).'
		});
		expect(withLocale('fr', () => admissionReport('# rien'))).toEqual({
			error: 'Manifeste : collez un manifeste de Pod à vérifier.'
		});
		expect(withLocale('fr', () => admissionReport('apiVersion: v1\nkind: Service'))).toEqual({
			error:
				'Manifeste, ligne 2 : un Service n’a pas de Pod à vérifier : utilisez un Pod, ou un Deployment, StatefulSet, DaemonSet, ReplicaSet, Job.'
		});
		const fr = withLocale('fr', () => admissionReport(DEFAULT_MANIFEST));
		const en = withLocale('en', () => admissionReport(DEFAULT_MANIFEST));
		if ('error' in fr || 'error' in en) throw new Error('the bundled manifest must parse');
		expect(fr.results.map((r) => r.rule)).not.toEqual(en.results.map((r) => r.rule));
		expect(fr.results[0]!.rule).toBe('les images viennent de registry.example.com/');
		expect(en.results[0]!.rule).toBe('images come from registry.example.com/');
		expect(fr.results[1]!.source).toBe('la bibliothèque Gatekeeper');
		// Same verdict in both languages, and the violations read as the cluster prints them.
		expect(fr.denials).toEqual(en.denials);
		expect(fr.warnings).toEqual(en.warnings);
	});
});
