"""What a document template sees: plain values (`values`) built from a plan and its digest
(`builder`), and per document kind only what that kind needs (`kinds.build_context`): the
report (`report`), the meeting agenda (`agenda`), the timeline (`timeline`), the letters of
one task (`letters`)."""
