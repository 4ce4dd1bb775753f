#!/bin/sh
# Every rule's yes/no examples, through the whole extractor.
exec "$INSPEX" rules --test patterns
