package io.downtime.deployment;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NetworkPolicies, evaluated as Kubernetes does for pods with these labels: the flows the system needs are
 * allowed (service to service, Prometheus scraping, the collector querying Prometheus, DNS) and no other.
 */
class NetworkPoliciesTest {

    /** A pod as a NetworkPolicy sees it. */
    private record Pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    private static final List<String> COMPONENTS = List.of("collector", "features", "predictor", "web");
    /** Who calls whom; everything else between the four is refused. */
    private static final Set<String> CALLS = Set.of("features>collector", "predictor>features", "web>collector",
            "web>features", "web>predictor");

    private static final Pod PROMETHEUS = new Pod("prometheus", HelmChart.NAMESPACE,
            Map.of("app.kubernetes.io/name", "prometheus"), Map.of("http-web", 9090));
    private static final Pod DNS = new Pod("dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of("dns", 53));
    private static final Pod STRANGER = new Pod("stranger", "elsewhere", Map.of("app", "curl"), Map.of());

    @Test
    void theFlowsTheSystemNeedsAreAllowed() {
        Flows flows = new Flows(HelmChart.render(ValuesFile.DEFAULTS));
        for (String call : CALLS) {
            String[] ends = call.split(">");
            assertTrue(flows.allowed(flows.pod(ends[0]), flows.pod(ends[1])), call);
        }
        for (String component : COMPONENTS) {
            assertTrue(flows.allowed(PROMETHEUS, flows.pod(component)), "Prometheus scrapes " + component);
            assertTrue(flows.allowed(flows.pod(component), DNS, 53), component + " resolves names");
        }
        assertTrue(flows.allowed(flows.pod("collector"), PROMETHEUS, 9090), "the collector queries Prometheus");
        assertTrue(flows.allowed(STRANGER, flows.pod("web")), "anyone may open the web UI");
    }

    @Test
    void noOtherFlowIsAllowed() {
        Flows flows = new Flows(HelmChart.render(ValuesFile.DEFAULTS));
        for (String from : COMPONENTS) {
            for (String to : COMPONENTS) {
                if (!from.equals(to) && !CALLS.contains(from + ">" + to)) {
                    assertFalse(flows.allowed(flows.pod(from), flows.pod(to)), from + " must not reach " + to);
                }
            }
            if (!from.equals("web")) {
                assertFalse(flows.allowed(STRANGER, flows.pod(from)), "a stranger must not reach " + from);
            }
            if (!from.equals("collector")) {
                assertFalse(flows.allowed(flows.pod(from), PROMETHEUS, 9090), from + " must not query Prometheus");
            }
            assertFalse(flows.allowed(flows.pod(from), STRANGER, 443), from + " must not reach the internet");
        }
    }

    @Test
    void configuredPeersAreLetIn() {
        Flows flows = new Flows(HelmChart.render(ValuesFile.ci("scaled-values.yaml")));
        Pod fluentBit = new Pod("fluent-bit", "logging", Map.of("app.kubernetes.io/name", "fluent-bit"), Map.of());
        Pod ingress = new Pod("ingress", "ingress-nginx", Map.of("app", "ingress"), Map.of());
        Pod thanos = new Pod("thanos", "thanos", Map.of("app", "thanos-query"), Map.of("http", 9090));
        Pod scaledPrometheus = new Pod("prometheus", "monitoring", PROMETHEUS.labels(), PROMETHEUS.ports());
        assertTrue(flows.allowed(fluentBit, flows.pod("collector")));
        assertFalse(flows.allowed(fluentBit, flows.pod("predictor")));
        assertTrue(flows.allowed(ingress, flows.pod("web")));
        assertFalse(flows.allowed(STRANGER, flows.pod("web")), "the UI is limited to webFrom");
        assertTrue(flows.allowed(flows.pod("collector"), thanos, 9090));
        assertTrue(flows.allowed(scaledPrometheus, flows.pod("predictor")), "Prometheus in prometheus.namespace");
        assertFalse(flows.allowed(PROMETHEUS, flows.pod("predictor")), "a Prometheus elsewhere is a stranger");
    }

    @Test
    void alertmanagerReachesTheCollectorOnlyWhenItsReceiverIsOn() {
        Pod alertmanager = new Pod("alertmanager", HelmChart.NAMESPACE,
                Map.of("app.kubernetes.io/name", "alertmanager"), Map.of("http-web", 9093));
        Flows without = new Flows(HelmChart.render(ValuesFile.DEFAULTS));
        assertFalse(without.allowed(alertmanager, without.pod("collector")));
        Flows with = new Flows(HelmChart.render(ValuesFile.DEFAULTS, Map.of("collector.alertmanager.receiver.enabled", "true")));
        assertTrue(with.allowed(alertmanager, with.pod("collector")), "Alertmanager posts to /ingest/alertmanager");
        for (String other : List.of("features", "predictor")) {
            assertFalse(with.allowed(alertmanager, with.pod(other)), "Alertmanager must not reach " + other);
        }
    }

    /** Kubernetes' evaluation of NetworkPolicies (matchLabels selectors, ports by number or name). */
    private static final class Flows {

        private final List<NetworkPolicy> policies;
        private final Map<String, Pod> pods = new HashMap<>();

        Flows(RenderedObjects objects) {
            policies = objects.all(NetworkPolicy.class);
            assertEquals(COMPONENTS.size(), policies.size());
            for (Deployment deployment : objects.all(Deployment.class)) {
                Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
                Map<String, Integer> ports = deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                        .getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
                pods.put(labels.get("app.kubernetes.io/component"),
                        new Pod(deployment.getMetadata().getName(), HelmChart.NAMESPACE, labels, ports));
            }
        }

        Pod pod(String component) {
            return pods.get(component);
        }

        /** A connection to the destination's own (first) port. */
        boolean allowed(Pod from, Pod to) {
            return allowed(from, to, to.ports().values().iterator().next());
        }

        boolean allowed(Pod from, Pod to, int port) {
            return permits(from, "Egress", to, port) && permits(to, "Ingress", from, port);
        }

        /** Whether the policies selecting {@code pod} let it talk to {@code peer} on {@code port} in this direction. */
        private boolean permits(Pod pod, String direction, Pod peer, int port) {
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(policy -> pod.namespace().equals(HelmChart.NAMESPACE)
                            && selects(policy.getSpec().getPodSelector(), pod.labels())
                            && policy.getSpec().getPolicyTypes().contains(direction))
                    .toList();
            if (selecting.isEmpty()) {
                return true;
            }
            Pod destination = direction.equals("Ingress") ? pod : peer;
            for (NetworkPolicy policy : selecting) {
                if (direction.equals("Ingress")) {
                    for (var rule : policy.getSpec().getIngress()) {
                        if (ports(rule.getPorts(), destination, port) && peers(rule.getFrom(), peer)) {
                            return true;
                        }
                    }
                } else {
                    for (var rule : policy.getSpec().getEgress()) {
                        if (ports(rule.getPorts(), destination, port) && peers(rule.getTo(), peer)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static boolean ports(List<NetworkPolicyPort> ports, Pod destination, int port) {
            if (ports == null || ports.isEmpty()) {
                return true;
            }
            for (NetworkPolicyPort candidate : ports) {
                IntOrString value = candidate.getPort();
                if (value == null || (value.getIntVal() != null ? value.getIntVal() == port
                        : Integer.valueOf(port).equals(destination.ports().get(value.getStrVal())))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean peers(List<NetworkPolicyPeer> peers, Pod pod) {
            if (peers == null || peers.isEmpty()) {
                return true;
            }
            for (NetworkPolicyPeer peer : peers) {
                boolean namespace = peer.getNamespaceSelector() == null ? pod.namespace().equals(HelmChart.NAMESPACE)
                        : selects(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", pod.namespace()));
                boolean labels = peer.getPodSelector() == null || selects(peer.getPodSelector(), pod.labels());
                if (peer.getIpBlock() == null && namespace && labels) {
                    return true;
                }
            }
            return false;
        }

        private static boolean selects(LabelSelector selector, Map<String, String> labels) {
            assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                    "only matchLabels are evaluated here");
            Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }
}
