# safepip's look before a blocked install: pip's own install command in dry-run mode (python -c, argv = pip's
# arguments), changed only to fetch less. pips before 23.3 download every wheel at the end of a dry run even when
# PEP 658 metadata already answered: that step is skipped, and the report gives name, version and URL. Where the
# index serves no metadata file, pip's lazy_wheel (--use-feature=fast-deps) reads it by range requests. Then, in the
# same process and through pip's own session (the user's proxy, certificates, index credentials, netrc, keyring),
# each remote wheel's central directory, entry_points.txt and METADATA are read by range requests, as pip's
# lazy_wheel and uv do: a wheel of any size costs a few tens of kilobytes. Each change is skipped when this pip lacks
# what it patches: the dry run is then pip's own (safepip reads the wheel itself).
import sys

args = sys.argv[1:]
state = {}

# The first request: the end record, a long comment and, for most wheels, the whole directory and dist-info.
TAIL = 128 * 1024
# A member larger than this is not metadata; a directory larger than this is not a wheel's.
MAX_MEMBER = 1024 * 1024
MAX_DIRECTORY = 64 * 1024 * 1024


class Parts:
    """The parts of a remote file fetched so far, read like a file (what zipfile needs: seek, tell, read)."""

    def __init__(self, session, url):
        self.session, self.url, self.pos, self.fetched, self.pieces = session, url, 0, 0, []
        start, data, self.size = self.get('-%d' % TAIL)
        self.pieces.append((start, data))

    def get(self, spec):
        import re
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

    def ensure(self, start, length):
        end = min(start + length, self.size)
        if end <= start:
            return
        missing = bytearray(b'\1') * (end - start)
        for first, data in self.pieces:
            a, b = max(first, start), min(first + len(data), end)
            if a < b:
                missing[a - start:b - start] = bytes(b - a)
        first_missing = missing.find(1)
        if first_missing >= 0:
            last_missing = missing.rfind(1)
            self.pieces.append(self.get('%d-%d' % (start + first_missing, start + last_missing))[:2])

    def read(self, n=-1):
        if n is None or n < 0:
            n = self.size - self.pos
        n = max(0, min(n, self.size - self.pos))
        self.ensure(self.pos, n)
        out = bytearray(n)
        for first, data in self.pieces:
            a, b = max(first, self.pos), min(first + len(data), self.pos + n)
            if a < b:
                out[a - self.pos:b - self.pos] = data[a - first:b - first]
        self.pos += n
        return bytes(out)

    def seek(self, offset, whence=0):
        self.pos = offset if whence == 0 else self.pos + offset if whence == 1 else self.size + offset
        return self.pos

    def tell(self):
        return self.pos

    def seekable(self):
        return True

    def readable(self):
        return True


def contents(url):
    """What safepip needs of one remote wheel, or why it could not be read."""
    session = state.get('session')
    if session is None or not url.lower().startswith(('http://', 'https://')):
        return None
    import posixpath
    import zipfile
    parts = None
    try:
        parts = Parts(session, url)
        wheel = zipfile.ZipFile(parts)
        infos = wheel.infolist()
        texts = {}
        for info in infos:
            top, _, rest = info.filename.partition('/')
            if top.endswith('.dist-info') and rest in ('entry_points.txt', 'METADATA') and rest not in texts:
                if info.file_size > MAX_MEMBER or info.compress_size > MAX_MEMBER:
                    raise OSError(info.filename + ' is too large to be metadata')
                # The local header, its name and extra field, then the data: one request, not three.
                parts.ensure(info.header_offset, 30 + len(info.filename.encode()) + 1024 + info.compress_size)
                texts[rest] = wheel.read(info).decode('utf-8', 'replace')
        return {'entries': [[i.filename, i.compress_type, i.compress_size, i.file_size, i.header_offset]
                            for i in infos],
                'entry_points': texts.get('entry_points.txt'), 'metadata': texts.get('METADATA'),
                'fetched': parts.fetched}
    except Exception as e:
        return {'error': str(e) or type(e).__name__, 'fetched': parts.fetched if parts else 0}


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
