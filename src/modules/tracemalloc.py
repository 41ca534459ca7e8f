"""Trace where Python memory blocks were allocated (Pyrena's tracemalloc).

The allocator itself records every block while tracing is on (_tracemalloc);
this module turns those raw records into Snapshot, Statistic, StatisticDiff,
Traceback, Frame, Trace and Filter objects.  It is embedded in the pyrena
binary and written for it; behaviour and output formats follow CPython 3.11.

Raw shapes handed over by _tracemalloc:
    frame      (filename, lineno)
    traceback  tuple of frames, innermost call first
    trace      (domain, size, traceback, total_nframe)
"""

from _tracemalloc import start, stop, is_tracing, clear_traces
from _tracemalloc import get_traced_memory, reset_peak
from _tracemalloc import get_tracemalloc_memory, get_traceback_limit
from _tracemalloc import _get_traces, _get_object_traceback
from _tracemalloc import _fnmatch, _getline


_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    # Bytes are shown whole; bigger units keep one decimal while under 100 and
    # go whole up to 10240, after which the next unit is tried.
    flag = '+' if sign else ''
    for index, unit in enumerate(_UNITS):
        magnitude = abs(size)
        if index > 0 and magnitude < 100:
            return format(size, flag + '.1f') + ' ' + unit
        if magnitude < 10 * 1024 or index == len(_UNITS) - 1:
            return format(size, flag + '.0f') + ' ' + unit
        size = size / 1024


class Frame:
    """One frame of a traceback: where a call was executing."""

    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __hash__(self):
        return hash(self._frame)

    def __eq__(self, other):
        if isinstance(other, Frame):
            return self._frame == other._frame
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Frame):
            return self._frame < other._frame
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, Frame):
            return self._frame <= other._frame
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Frame):
            return self._frame > other._frame
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, Frame):
            return self._frame >= other._frame
        return NotImplemented

    def __str__(self):
        return '%s:%s' % self._frame

    def __repr__(self):
        return '<Frame filename=%r lineno=%r>' % self._frame


class Traceback:
    """The frames of an allocation as a sequence, oldest call first."""

    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # The raw tuple lists the innermost call first.
        self._frames = tuple(frames)[::-1]
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Frame(f) for f in self._frames[index]])
        return Frame(self._frames[index])

    def __iter__(self):
        for f in self._frames:
            yield Frame(f)

    def __reversed__(self):
        for f in self._frames[::-1]:
            yield Frame(f)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def index(self, frame):
        return self._frames.index(frame._frame)

    def count(self, frame):
        return self._frames.count(frame._frame)

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if isinstance(other, Traceback):
            return self._frames == other._frames
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Traceback):
            return self._frames < other._frames
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, Traceback):
            return self._frames <= other._frames
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Traceback):
            return self._frames > other._frames
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, Traceback):
            return self._frames >= other._frames
        return NotImplemented

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = '<Traceback ' + repr(tuple(self))
        if self._total_nframe is not None:
            text += ' total_nframe=' + str(self._total_nframe)
        return text + '>'

    def format(self, limit=None, most_recent_first=False):
        """Lines like a Python traceback's, with the source line when known."""
        frames = self._frames
        if limit is not None:
            # A positive limit keeps the most recent calls, a negative one the oldest.
            frames = frames[-limit:] if limit > 0 else frames[:limit]
        if most_recent_first:
            frames = frames[::-1]
        lines = []
        for filename, lineno in frames:
            lines.append('  File "%s", line %s' % (filename, lineno))
            source = _getline(filename, lineno).strip()
            if source:
                lines.append('    ' + source)
        return lines


def get_object_traceback(obj):
    """The Traceback of the allocation of obj's memory, or None if it was not
    traced."""
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """One traced memory block."""

    __slots__ = ('_trace',)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __hash__(self):
        return hash(self._trace)

    def __eq__(self, other):
        if isinstance(other, Trace):
            return self._trace == other._trace
        return NotImplemented

    def __str__(self):
        return '%s: %s' % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return '<Trace domain=%s size=%s, traceback=%r>' % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    """A snapshot's traces as a read-only sequence of Trace objects."""

    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(t) for t in self._traces[index]])
        return Trace(self._traces[index])

    def __iter__(self):
        for t in self._traces:
            yield Trace(t)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if isinstance(other, _Traces):
            return self._traces == other._traces
        return NotImplemented

    def __repr__(self):
        return '<Traces len=%s>' % len(self._traces)


def _normalize_filename(filename):
    # Compiled-file names count as their source (normcase is the identity on POSIX).
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keeps (inclusive) or drops traces whose frames match a filename
    pattern (fnmatch syntax) and optionally a line number and a domain."""

    def __init__(self, inclusive, filename_pattern,
                 lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain
        # Few distinct filenames occur, so pattern results are remembered.
        self._file_matches = {}

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _frame_matches(self, frame):
        filename, lineno = frame
        hit = self._file_matches.get(filename)
        if hit is None:
            hit = _fnmatch(_normalize_filename(filename), self._filename_pattern)
            self._file_matches[filename] = hit
        return hit and (self.lineno is None or lineno == self.lineno)

    def _traceback_matches(self, traceback):
        if self.all_frames:
            hit = False
            for frame in traceback:
                if self._frame_matches(frame):
                    hit = True
                    break
        else:
            hit = self._frame_matches(traceback[0])
        return hit == bool(self.inclusive)

    def _match(self, trace):
        result = self._traceback_matches(trace[2])
        if self.domain is None:
            return result
        if self.inclusive:
            return result and trace[0] == self.domain
        return result or trace[0] != self.domain


class DomainFilter(BaseFilter):
    """Keeps (inclusive) or drops the traces of one address-space domain."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self._domain) == bool(self.inclusive)


class Statistic:
    """Size and number of the blocks allocated at one traceback."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if isinstance(other, Statistic):
            return ((self.traceback, self.size, self.count)
                    == (other.traceback, other.size, other.count))
        return NotImplemented

    def __str__(self):
        text = '%s: size=%s, count=%i' % (
            self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (
            self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """A Statistic and how it changed since an older snapshot."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def _fields(self):
        return (self.traceback, self.size, self.size_diff,
                self.count, self.count_diff)

    def __hash__(self):
        return hash(self._fields())

    def __eq__(self, other):
        if isinstance(other, StatisticDiff):
            return self._fields() == other._fields()
        return NotImplemented

    def __str__(self):
        text = '%s: size=%s (%s), count=%i (%+i)' % (
            self.traceback, _format_size(self.size, False),
            _format_size(self.size_diff, True), self.count, self.count_diff)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff,
            self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff),
                self.count, self.traceback)


def _statistic_key(stat):
    return stat._sort_key()


class Snapshot:
    """The traces of the blocks allocated when take_snapshot() was called."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def filter_traces(self, filters):
        """A new Snapshot with only the traces the filters let through: any
        inclusive filter must match, and no exclusive filter may reject."""
        try:
            filters = list(filters)
        except TypeError:
            raise TypeError('filters must be a list of filters, not %s'
                            % type(filters).__name__) from None
        keep = [f for f in filters if f.inclusive]
        drop = [f for f in filters if not f.inclusive]
        kept = []
        # Traces share their traceback tuples (and all stay alive meanwhile), so the
        # verdict is computed once per (traceback, domain).
        verdicts = {}
        for trace in self.traces._traces:
            key = (id(trace[2]), trace[0])
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = ((not keep or any(f._match(trace) for f in keep))
                           and all(f._match(trace) for f in drop))
                verdicts[key] = verdict
            if verdict:
                kept.append(trace)
        return Snapshot(kept, self.traceback_limit)

    def _sums_per_traceback(self):
        """[raw traceback, total size, count] per distinct raw traceback, computed
        once per snapshot (its traces never change)."""
        sums = self.__dict__.get('_sums')
        if sums is None:
            # _get_traces shares one tuple between the traces of a traceback, and all
            # of them stay alive here, so id() is a cheap exact key.
            per_raw = {}
            for trace in self.traces._traces:
                raw = trace[2]
                acc = per_raw.get(id(raw))
                if acc is None:
                    per_raw[id(raw)] = [raw, trace[1], 1]
                else:
                    acc[1] += trace[1]
                    acc[2] += 1
            sums = list(per_raw.values())
            self._sums = sums
        return sums

    def _group_by(self, key_type, cumulative):
        """{Traceback: Statistic} for the traces grouped by key_type."""
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError('unknown key_type: %r' % (key_type,))
        if cumulative and key_type == 'traceback':
            raise ValueError('cumulative mode cannot by used with key type %r'
                             % key_type)
        totals = {}      # key frames -> [size, count], in first-seen order
        for raw, size, count in self._sums_per_traceback():
            if cumulative:
                # Every frame of the traceback is charged with the blocks.
                if key_type == 'lineno':
                    group_keys = [(frame,) for frame in raw]
                else:
                    group_keys = [((frame[0], 0),) for frame in raw]
            elif key_type == 'traceback':
                group_keys = (raw,)
            elif key_type == 'lineno':
                group_keys = (raw[:1],)
            else:
                group_keys = (((raw[0][0], 0),),)
            for key in group_keys:
                total = totals.get(key)
                if total is None:
                    totals[key] = [size, count]
                else:
                    total[0] += size
                    total[1] += count
        grouped = {}
        for key, total in totals.items():
            traceback = Traceback(key)
            grouped[traceback] = Statistic(traceback, total[0], total[1])
        return grouped

    def statistics(self, key_type, cumulative=False):
        """Statistic objects grouped by key_type ('lineno', 'filename' or
        'traceback'), biggest first."""
        result = list(self._group_by(key_type, cumulative).values())
        result.sort(key=_statistic_key, reverse=True)
        return result

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff objects between old_snapshot and this snapshot,
        biggest change first."""
        new = self._group_by(key_type, cumulative)
        old = old_snapshot._group_by(key_type, cumulative)
        result = []
        for traceback, stat in new.items():
            before = old.pop(traceback, None)
            if before is None:
                result.append(StatisticDiff(traceback, stat.size, stat.size,
                                            stat.count, stat.count))
            else:
                result.append(StatisticDiff(
                    traceback, stat.size, stat.size - before.size,
                    stat.count, stat.count - before.count))
        for traceback, stat in old.items():
            result.append(StatisticDiff(traceback, 0, -stat.size,
                                        0, -stat.count))
        result.sort(key=_statistic_key, reverse=True)
        return result


def take_snapshot():
    """A Snapshot of the blocks traced so far."""
    if not is_tracing():
        raise RuntimeError('the tracemalloc module must be tracing memory '
                           'allocations to take a snapshot')
    return Snapshot(_get_traces(), get_traceback_limit())
