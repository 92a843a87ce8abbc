package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportStatusTests {

	@Test
	void onlyAnImportInReviewIsOpen() {
		assertThat(ImportStatus.NEEDS_MAPPING.isOpen()).isTrue();
		assertThat(ImportStatus.PREVIEW.isOpen()).isTrue();
		assertThat(ImportStatus.COMMITTED.isOpen()).isFalse();
		assertThat(ImportStatus.UNDONE.isOpen()).isFalse();
		assertThat(ImportStatus.DISCARDED.isOpen()).isFalse();
		assertThat(ImportStatus.EXPIRED.isOpen()).isFalse();
	}

	@Test
	void aSavedImportCanOnlyBeUndoneAndAClosedOneNotChangedAtAll() {
		assertThat(ImportStatus.PREVIEW.mayMoveTo(ImportStatus.COMMITTED)).isTrue();
		assertThat(ImportStatus.NEEDS_MAPPING.mayMoveTo(ImportStatus.PREVIEW)).isTrue();
		assertThat(ImportStatus.PREVIEW.mayMoveTo(ImportStatus.UNDONE)).as("nothing to undo before a save").isFalse();
		assertThat(ImportStatus.COMMITTED.next()).containsExactly(ImportStatus.UNDONE);
		assertThat(ImportStatus.UNDONE.next()).isEmpty();
		assertThat(ImportStatus.DISCARDED.next()).isEmpty();
		assertThat(ImportStatus.EXPIRED.next()).isEmpty();
	}

	@Test
	void theRowsDecideWhichReviewStatus() {
		assertThat(ImportStatus.inReview(true)).isEqualTo(ImportStatus.NEEDS_MAPPING);
		assertThat(ImportStatus.inReview(false)).isEqualTo(ImportStatus.PREVIEW);
	}
}
