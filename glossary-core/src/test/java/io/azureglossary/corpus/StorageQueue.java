package io.azureglossary.corpus;

import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.CliCommand.Kind;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.time.LocalDate;
import java.util.List;

/** The term in {@code corpus/storage-queue.json}, built by hand, for tests that compare whole terms. */
final class StorageQueue {
  private StorageQueue() {}

  static Term term() {
    return Term.builder()
        .id("storage-queue")
        .name("Storage queue")
        .aliases(List.of("Azure Queue Storage", "queue storage"))
        .service("Queue Storage")
        .category("Storage")
        .tags(List.of("messaging", "decoupling"))
        .difficulty(Difficulty.BEGINNER)
        .lastVerified(LocalDate.of(2026, 5, 14))
        .source(new Source("What is Azure Queue Storage?",
            "https://learn.microsoft.com/azure/storage/queues/storage-queues-introduction", LocalDate.of(2026, 5, 14)))
        .definition("A storage queue holds small messages in a storage account until a consumer reads and deletes"
            + " them, so producers and workers do not have to be online at the same time.")
        .technicalContext("Messages are up to 64 KB and live for seven days unless another time-to-live is set. A"
            + " reader gets a message with a visibility timeout and must delete it before the timeout ends, or the"
            + " message shows up again for another reader.")
        .whyItMatters("A queue lets a front end accept work quickly and hand the slow part to background workers,"
            + " which keeps the front end responsive when load spikes.")
        .whereYouSeeIt(List.of("The Queues blade of a storage account in the portal, with message counts per queue.",
            "Queue triggers of Azure Functions, which name the queue and the connection setting."))
        .whenRelevant(List.of("Smoothing bursts of work that a worker pool processes at its own pace.",
            "Retrying work that failed without losing it."))
        .caseStudies(List.of(new CaseStudy("Thumbnail generation off the upload path",
            "A photo site resized images inside the upload request, and uploads timed out during evening peaks.",
            List.of("Return uploads in under one second", "Lose no image during a worker restart"),
            "Uploads now write the original to a blob container and put a message on a queue; a function app"
                + " reads the queue and writes the thumbnails.",
            List.of("Median upload time fell from 4.1 to 0.6 seconds"),
            "Moving slow work behind a queue keeps the user-facing path short.")))
        .cli(new Cli(List.of("Count waiting messages before scaling workers."), List.of(
            new CliCommand("az storage queue list --account-name <account>", Kind.DISCOVER),
            new CliCommand("az storage queue create --name <queue> --account-name <account>", Kind.CREATE))))
        .architecture("Put the queue in the same region as its producers and consumers, and give each kind of work"
            + " its own queue so one backlog does not hide another.")
        .security("Grant producers and consumers the Storage Queue Data roles through managed identities instead of"
            + " sharing the account key.")
        .cost("Queues bill for stored data and for each operation, so tight polling loops on empty queues cost more"
            + " than the messages themselves.")
        .reliability("A message that keeps failing returns again and again; move it to a poison queue after a fixed"
            + " number of dequeues.")
        .performance("One queue handles up to about 2,000 messages per second; spread heavier loads over several"
            + " queues.")
        .operations("Alert on queue length and on the age of the oldest message, which show a stalled consumer"
            + " earlier than error logs do.")
        .commonMistakes(List.of("Assuming messages arrive in the order they were sent.",
            "Processing a message without deleting it, so it is handled twice."))
        .build();
  }
}
