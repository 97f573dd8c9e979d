package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.LintResult;

class ChartLintTest {

    @Test
    void strictLintPasses() {
        LintResult result = Rendered.CHART.helm().lint().strict().call();
        assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
    }
}
