package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingReasonsTest {
    @Test
    void reasonsInPlainWords() {
        assertThat(PendingReasons.describe("Resources")).isEqualTo("waiting for free nodes");
        assertThat(PendingReasons.describe("(Priority)")).isEqualTo("waiting for jobs of higher priority");
        assertThat(PendingReasons.describe("Dependency")).isEqualTo("waiting for the jobs it depends on");
        assertThat(PendingReasons.describe("ReqNodeNotAvail, UnavailableNodes:node[1-2]"))
                .startsWith("a requested node is not available");
        assertThat(PendingReasons.code("ReqNodeNotAvail, UnavailableNodes:node[1-2]")).isEqualTo("ReqNodeNotAvail");
        assertThat(PendingReasons.describe("QOSMaxWallDurationPerJobLimit"))
                .isEqualTo("the QOS's maximum wall time limit per job is reached");
        assertThat(PendingReasons.describe("AssocGrpCpuLimit")).isEqualTo("the account's group CPU limit is reached");
        assertThat(PendingReasons.describe("QOSMaxGRESPerUser")).isEqualTo("the QOS's maximum GPU/GRES limit per user is reached");
        assertThat(PendingReasons.describe("SomethingNew")).isEqualTo("SomethingNew");
        assertThat(PendingReasons.describe("None")).isNull();
        assertThat(PendingReasons.describe(null)).isNull();
    }

    @Test
    void everySqueueManPageReasonHasWords() {
        for (String code : new String[] {"AssociationJobLimit", "AssociationResourceLimit", "AssociationTimeLimit",
                "BadConstraints", "BeginTime", "Cleaning", "Dependency", "FrontEndDown", "InactiveLimit", "InvalidAccount",
                "InvalidQOS", "JobHeldAdmin", "JobHeldUser", "JobLaunchFailure", "Licenses", "NodeDown", "NonZeroExitCode",
                "PowerDown", "PowerUp", "PartitionDown", "PartitionInactive", "PartitionNodeLimit", "PartitionTimeLimit",
                "Priority", "Prolog", "QOSJobLimit", "QOSResourceLimit", "QOSTimeLimit", "QOSUsageThreshold",
                "ReqNodeNotAvail", "Reservation", "Resources", "SystemFailure", "TimeLimit", "WaitingForScheduling"}) {
            assertThat(PendingReasons.known()).as(code).containsKey(code);
            assertThat(PendingReasons.describe(code)).isNotEqualTo(code);
        }
    }
}
