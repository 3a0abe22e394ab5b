# safepip's look before a blocked install: pip's own install command in dry-run mode (python -c, argv = pip's
# arguments), changed only to fetch less. pips before 23.3 download every wheel at the end of a dry run even when
# PEP 658 metadata already answered: that step is skipped, and the report gives name, version and URL. Where the
# index serves no metadata file, pip reads it by range requests (--use-feature=fast-deps, with this script's reader in
# place of pip's lazy_wheel). Through pip's own session (the user's proxy, certificates, index credentials, netrc,
# keyring), each remote wheel's central directory, entry_points.txt and METADATA are read by range requests, as
# pip's lazy_wheel and uv do, each byte range once: the last 128 KB, the rest of the directory in one request when
# it is larger (tensorflow's is 1.8 MB), the dist-info members in one more. A wheel of any size costs a few tens of
# kilobytes plus its directory, which goes to safepip as it is (base64) for Java to list. Each change is skipped when this pip lacks
# what it patches: the dry run is then pip's own (safepip reads the wheel itself).
import sys

args = sys.argv[1:]
state = {}

# The first request: the end record, a long comment and, for most wheels, the whole directory and dist-info.
TAIL = 128 * 1024
# A member larger than this is not metadata; a directory larger than this is not a wheel's.
MAX_MEMBER = 1024 * 1024
MAX_DIRECTORY = 64 * 1024 * 1024
# Members this close together are fetched in one request: the gap costs less than another round trip.
GAP = 64 * 1024


class Parts:
    """The parts of a remote file fetched so far: each byte range is asked for once, then served from memory."""

    def __init__(self, session, url):
        self.session, self.url, self.fetched, self.requests, self.pieces = session, url, 0, 0, []
        start, data, self.size = self.get('-%d' % TAIL)
        self.pieces.append((start, data))

    def get(self, spec):
        import re
        self.requests += 1
        response = self.session.get(self.url, headers={'Accept-Encoding': 'identity', 'Range': 'bytes=' + spec},
                                    stream=True)
        try:
            response.raise_for_status()
            if response.status_code != 206:
                raise OSError('the server does not serve parts of files (HTTP %d)' % response.status_code)
            match = re.match(r'bytes (\d+)-(\d+)/(\d+)$', response.headers.get('Content-Range', '').strip())
            if not match:
                raise OSError('the server answered a part without saying which')
            first, last, size = (int(g) for g in match.groups())
            want = last - first + 1
            if want > MAX_DIRECTORY or last >= size:
                raise OSError('the server answered an implausible part')
            data = response.raw.read(want)
            if len(data) != want:
                raise OSError('the server sent %d bytes of a %d-byte part' % (len(data), want))
            self.fetched += len(data)
            return first, data, size
        finally:
            response.close()

    def read(self, start, length):
        """Bytes start..start+length (fewer at the end of the file); only the part not yet held is fetched."""
        end = min(start + length, self.size)
        if end <= start:
            return b''
        # The holes in what is held, each fetched in one request: no byte is asked for twice.
        holes, at = [], start
        for first, data in sorted(self.pieces):
            last = first + len(data)
            if last <= at or first >= end:
                continue
            if first > at:
                holes.append((at, first))
            at = max(at, last)
        if at < end:
            holes.append((at, end))
        for a, b in holes:
            self.pieces.append(self.get('%d-%d' % (a, b - 1))[:2])
        out = bytearray(end - start)
        for first, data in self.pieces:
            a, b = max(first, start), min(first + len(data), end)
            if a < b:
                out[a - start:b - start] = data[a - first:b - first]
        return bytes(out)


def directory(parts):
    """The central directory's bytes and member count, from the end record (and ZIP64's when it overflowed)."""
    import struct
    tail_start = max(0, parts.size - TAIL)
    tail = parts.read(tail_start, parts.size - tail_start)
    end = tail.rfind(b"PK\x05\x06", 0, max(0, len(tail) - 18))
    if end < 0:
        raise OSError('not a zip file (no end of central directory)')
    count, size, offset = struct.unpack_from('<HII', tail, end + 10)
    if count == 0xFFFF or size == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        if end < 20 or tail[end - 20:end - 16] != b'PK\x06\x07':
            raise OSError('a ZIP64 wheel without its locator')
        record = parts.read(struct.unpack_from('<Q', tail, end - 12)[0], 56)
        if record[:4] != b'PK\x06\x06':
            raise OSError('a damaged ZIP64 end record')
        count, size, offset = struct.unpack_from('<QQQ', record, 32)
    if size > MAX_DIRECTORY or offset + size > parts.size:
        raise OSError('an implausible central directory (%d bytes)' % size)
    # All of it that the tail lacks, in one request.
    return parts.read(offset, size), count


def members(listing, count):
    """The top-level dist-info's METADATA and entry_points.txt: name -> (local offset, method, compressed size)."""
    import struct
    found, at = {}, 0
    for _ in range(count):
        if listing[at:at + 4] != b'PK\x01\x02':
            raise OSError('a damaged central directory')
        method, = struct.unpack_from('<H', listing, at + 10)
        compressed, size, name_length, extra_length, comment_length = struct.unpack_from('<IIHHH', listing, at + 20)
        offset, = struct.unpack_from('<I', listing, at + 42)
        name = listing[at + 46:at + 46 + name_length]
        top, _, rest = name.partition(b'/')
        if top.endswith(b'.dist-info') and rest in (b'METADATA', b'entry_points.txt') and rest not in found:
            extra = listing[at + 46 + name_length:at + 46 + name_length + extra_length]
            x = 0
            while x + 4 <= len(extra):
                tag, length = struct.unpack_from('<HH', extra, x)
                if tag == 1:
                    values, v = extra[x + 4:x + 4 + length], 0
                    if size == 0xFFFFFFFF:
                        size, v = struct.unpack_from('<Q', values, v)[0], v + 8
                    if compressed == 0xFFFFFFFF:
                        compressed, v = struct.unpack_from('<Q', values, v)[0], v + 8
                    if offset == 0xFFFFFFFF:
                        offset = struct.unpack_from('<Q', values, v)[0]
                x += 4 + length
            if size > MAX_MEMBER or compressed > MAX_MEMBER:
                raise OSError(name.decode('utf-8', 'replace') + ' is too large to be metadata')
            found[rest.decode()] = (offset, method, compressed, len(name))
        at += 46 + name_length + extra_length + comment_length
    return found


def texts(parts, found):
    """Each member's text; members close together come in one request (local header, name and extra included)."""
    import struct
    import zlib
    spans = sorted((offset, offset + 30 + name + 1024 + compressed) for offset, _, compressed, name in found.values())
    merged = []
    for first, last in spans:
        if merged and first - merged[-1][1] <= GAP:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    for first, last in merged:
        parts.read(first, last - first)
    out = {}
    for key, (offset, method, compressed, _) in found.items():
        header = parts.read(offset, 30)
        if header[:4] != b'PK\x03\x04':
            raise OSError('a damaged member ' + key)
        name_length, extra_length = struct.unpack_from('<HH', header, 26)
        data = parts.read(offset + 30 + name_length + extra_length, compressed)
        if method == 8:
            data = zlib.decompressobj(-15).decompress(data)
        elif method != 0:
            raise OSError('%s uses zip method %d' % (key, method))
        out[key] = data
    return out


def contents(url, session=None):
    """What safepip needs of one remote wheel, or why it could not be read: read once, whoever asks first."""
    session = session or state.get('session')
    if session is None or not url.lower().startswith(('http://', 'https://')):
        return None
    read = state.setdefault('read', {})
    if url in read:
        return read[url]
    import base64
    parts = None
    try:
        parts = Parts(session, url)
        listing, count = directory(parts)
        found = texts(parts, members(listing, count))
        encoded = base64.b64encode(listing).decode('ascii')
        # Its length first: safepip takes the directory out of the report by it, and parses only the rest as JSON.
        result = {'directory_length': len(encoded), 'directory': encoded, 'count': count,
                  'entry_points': found['entry_points.txt'].decode('utf-8', 'replace')
                  if 'entry_points.txt' in found else None,
                  'metadata': found['METADATA'].decode('utf-8', 'replace') if 'METADATA' in found else None,
                  'fetched': parts.fetched, 'requests': parts.requests}
        state.setdefault('metadata', {})[url] = found.get('METADATA')
    except Exception as e:
        result = {'error': str(e) or type(e).__name__, 'fetched': parts.fetched if parts else 0}
    read[url] = result
    return result


try:
    from pip._internal.operations.prepare import RequirementPreparer
    from pip._internal.models.installation_report import InstallationReport
    from pip._internal.utils.misc import redact_auth_from_url

    def where_only(self, reqs, parallel_builds=False):
        for req in reqs:
            req.needs_more_preparation = False

    def item(req):
        name, version = req.name, None
        if req.link is not None and req.link.is_wheel:
            version = req.link.filename.split('-')[1]
        try:
            meta = req.get_dist().metadata_dict
            name, version = meta.get('name', name), meta.get('version', version)
        except Exception:
            pass
        url = redact_auth_from_url(req.link.url_without_fragment) if req.link else None
        req._metadata = {'name': name, 'version': version}
        found = {'metadata': {'name': name, 'version': version}, 'download_info': {'url': url}}
        wheel = contents(req.link.url_without_fragment) if req.link is not None and req.link.is_wheel else None
        if wheel is not None:
            found['safepip_wheel'] = wheel
        return found

    def report(self):
        return {'version': '1', 'install': [item(r) for r in self._install_requirements]}

    preparer_init = RequirementPreparer.__init__

    def keep_session(self, *args, **kwargs):
        preparer_init(self, *args, **kwargs)
        state['session'] = getattr(self, '_session', None)

    RequirementPreparer.__init__ = keep_session
    RequirementPreparer.prepare_linked_requirements_more = where_only
    from pip._internal.req.req_set import RequirementSet
    if hasattr(RequirementSet, 'warn_legacy_versions_and_specifiers'):
        RequirementSet.warn_legacy_versions_and_specifiers = lambda self: None
    InstallationReport.to_dict = report
except Exception:
    pass
try:
    # pip prints the report through rich's pretty-printer, which takes seconds for a wheel of thousands of files (7 s
    # for 30,000): the same data as plain JSON.
    import json
    from pip._internal.commands import install as install_command
    if hasattr(install_command, 'print_json'):
        def plain_json(text=None, *, data=None, **ignored):
            sys.stdout.write((text if text is not None else json.dumps(data)) + '\n')
        install_command.print_json = plain_json
except Exception:
    pass
try:
    # pip's user agent asks lsb_release (itself a Python program: a tenth of a second) what /etc/os-release says.
    import os.path
    if os.path.isfile('/etc/os-release'):
        from pip._vendor.distro import distro as vendored_distro
        vendored_distro._distro.include_lsb = False
except Exception:
    pass
try:
    from pip._internal.cli import cmdoptions
    if 'fast-deps' in (cmdoptions.use_new_feature().choices or ()):
        args.insert(1, '--use-feature=fast-deps')
        # pip's lazy_wheel asks HEAD, then reads the directory in 10 KB steps, opening it with zipfile after each
        # (a third of a second each for a wheel of 14,000 files), and the look would read it all again. Instead the
        # wheel is read here once (the tail, the rest of the directory in one request, the dist-info members in
        # one more) and pip gets its METADATA as from a PEP 658 file.
        from pip._internal.operations import prepare as prepare_module
        from pip._internal.metadata import get_metadata_distribution
        from pip._internal.network.lazy_wheel import HTTPRangeRequestUnsupported

        def dist_once(name, url, session):
            found = contents(url, session)
            metadata = state.get('metadata', {}).get(url)
            if found is None or 'error' in found or metadata is None:
                # pip's own way on: it downloads the wheel, as without fast-deps.
                raise HTTPRangeRequestUnsupported(found.get('error', 'no METADATA') if found else 'not remote')
            return get_metadata_distribution(metadata, url.rsplit('/', 1)[-1], name)

        if hasattr(prepare_module, 'dist_from_wheel_url'):
            prepare_module.dist_from_wheel_url = dist_once
except Exception:
    pass
try:
    # pip's "from versions: none" says the same when the index lacks the project and when none of its files fits
    # this Python or platform. The files pip passed over for this project's own reasons (tags, Requires-Python) are
    # noted, and said on stderr when the look fails: safepip then names the versions the index has.
    from pip._internal.index.package_finder import LinkEvaluator
    evaluate_link = LinkEvaluator.evaluate_link

    def noting_unfit(self, link):
        result = evaluate_link(self, link)
        try:
            kind, detail = result
            kind = getattr(kind, 'name', kind)
            if kind in ('platform_mismatch', 'requires_python_mismatch') or (kind is False and (
                    'tags' in detail or 'Requires-Python' in detail or 'Python version' in detail)):
                parts = link.filename.split('-')
                version = parts[1] if link.filename.endswith('.whl') and len(parts) > 2 else detail.split(' ')[0]
                state.setdefault('unfit', []).append((self.project_name, version, detail))
        except Exception:
            pass
        return result

    LinkEvaluator.evaluate_link = noting_unfit
except Exception:
    pass
from pip._internal.cli.main import main
status = main(args)
if status:
    for project, version, detail in state.get('unfit', ()):
        sys.stderr.write('safepip-look: unfit %s %s: %s\n' % (project, version, ' '.join(str(detail).split())))
sys.exit(status)
