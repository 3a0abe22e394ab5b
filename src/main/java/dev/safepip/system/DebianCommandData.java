package dev.safepip.system;

/**
 * The projects for which Debian ships the command alone: "project command-package library-package importers", one
 * a line, sorted by project. The command package is named after the project (or the project and 3), depends on the
 * library package and holds little more than the command (at most 64 KB installed); importers counts the other
 * Debian packages that depend on the library, not counting the library's own source package and the project's
 * plugins (packages whose name holds the project's).
 * <p>GENERATED 2026-12-05 by scripts/gen-debian-commands from the apt lists of Debian GNU/Linux 12 (bookworm): do not edit.
 */
final class DebianCommandData {
    /** Where the data comes from. */
    static final String SOURCE = "apt lists of Debian GNU/Linux 12 (bookworm)";

    private DebianCommandData() {
    }

    static String lines() {
        return """
                    afdko afdko python3-afdko 0
                    ament-lint ament-lint python3-ament-lint 0
                    ase ase python3-ase 2
                    azure-cli azure-cli python3-azure-cli 1
                    bandit bandit python3-bandit 0
                    base58 base58 python3-base58 2
                    berrynet berrynet python3-berrynet 0
                    binwalk binwalk python3-binwalk 0
                    buildstream buildstream python3-buildstream 1
                    cairosvg cairosvg python3-cairosvg 4
                    cclib cclib python3-cclib 1
                    click-man click-man python3-click-man 0
                    cookiecutter cookiecutter python3-cookiecutter 2
                    cs cs python3-cs 0
                    csb csb python3-csb 0
                    cssmin cssmin python3-cssmin 0
                    csvkit csvkit python3-csvkit 0
                    custodia custodia python3-custodia 0
                    cutadapt cutadapt python3-cutadapt 1
                    cwl-utils cwl-utils python3-cwl-utils 1
                    daphne daphne python3-daphne 0
                    dials dials python3-dials 0
                    domain2idna domain2idna python3-domain2idna 0
                    drslib drslib python3-drslib 0
                    eyed3 eyed3 python3-eyed3 0
                    faker faker python3-fake-factory 2
                    fast5 fast5 python3-fast5 0
                    fiona fiona python3-fiona 2
                    flake8 flake8 python3-flake8 4
                    flatlatex flatlatex python3-flatlatex 0
                    fontmake fontmake python3-fontmake 0
                    fonttools fonttools python3-fonttools 26
                    geomet geomet python3-geomet 3
                    germinate germinate python3-germinate 0
                    ginga ginga python3-ginga 0
                    git-delete-merged-branches git-delete-merged-branches python3-git-delete-merged-branches 0
                    gladtex gladtex python3-gleetex 0
                    glyphslib glyphslib python3-glyphslib 3
                    gunicorn gunicorn python3-gunicorn 2
                    haproxy-log-analysis haproxy-log-analysis python3-haproxy-log-analysis 0
                    htmlmin htmlmin python3-htmlmin 0
                    humanfriendly humanfriendly python3-humanfriendly 5
                    icoextract icoextract python3-icoextract 0
                    img2pdf img2pdf python3-img2pdf 3
                    internetarchive internetarchive python3-internetarchive 0
                    ipython ipython3 python3-ipython 25
                    isort isort python3-isort 2
                    jsbeautifier jsbeautifier python3-jsbeautifier 0
                    junitparser junitparser python3-junitparser 0
                    jupyter-client jupyter-client python3-jupyter-client 14
                    jupyter-console jupyter-console python3-jupyter-console 0
                    jupyter-core jupyter-core python3-jupyter-core 10
                    jupyter-server jupyter-server python3-jupyter-server 3
                    kineticstools kineticstools python3-kineticstools 0
                    klaus klaus python3-klaus 0
                    m2r m2r python3-m2r 0
                    mapproxy mapproxy python3-mapproxy 0
                    mirtop mirtop python3-mirtop 0
                    modernize modernize python3-libmodernize 1
                    mypy mypy python3-mypy 4
                    nanostat nanostat python3-nanostat 0
                    nox nox python3-nox 0
                    numpy-stl numpy-stl python3-stl 1
                    ontospy ontospy python3-ontospy 0
                    panoramisk panoramisk python3-panoramisk 0
                    patatt patatt python3-patatt 1
                    pdb2pqr pdb2pqr python3-pdb2pqr 0
                    pex pex python3-pex 0
                    picopore picopore python3-picopore 0
                    plakativ plakativ python3-plakativ 0
                    plastex plastex python3-plastex 0
                    powerline-gitstatus powerline-gitstatus python3-powerline-gitstatus 0
                    psautohint psautohint python3-psautohint 1
                    py-cpuinfo py-cpuinfo python3-cpuinfo 3
                    pybtex pybtex python3-pybtex 4
                    pycodestyle pycodestyle python3-pycodestyle 7
                    pydevd pydevd python3-pydevd 1
                    pydocstyle pydocstyle python3-pydocstyle 4
                    pyfai pyfai python3-pyfai 5
                    pyflakes pyflakes3 python3-pyflakes 5
                    pygtail pygtail python3-pygtail 0
                    pykml pykml python3-pykml 1
                    pykwalify pykwalify python3-pykwalify 0
                    pylama pylama python3-pylama 0
                    pylibtiff pylibtiff python3-libtiff 0
                    pynag pynag python3-pynag 0
                    pypass pypass python3-pypass 0
                    pyro4 pyro4 python3-pyro4 1
                    pyssim pyssim python3-pyssim 0
                    pytest-benchmark pytest-benchmark python3-pytest-benchmark 0
                    pyvcf pyvcf python3-vcf 2
                    pywps pywps python3-pywps 0
                    rcon rcon python3-rcon 0
                    refurb refurb python3-refurb 0
                    reprounzip reprounzip python3-reprounzip 0
                    reprozip reprozip python3-reprozip 0
                    rosidl-cmake rosidl-cmake python3-rosidl 0
                    rstcheck rstcheck python3-rstcheck 0
                    sarsen sarsen python3-sarsen 0
                    scour scour python3-scour 0
                    sedparse sedparse python3-sedparse 1
                    sentinelsat sentinelsat python3-sentinelsat 1
                    slimit slimit python3-slimit 1
                    smartleia smartleia python3-smartleia 0
                    snimpy snimpy python3-snimpy 0
                    stetl stetl python3-stetl 0
                    subliminal subliminal python3-subliminal 0
                    testrepository testrepository python3-testrepository 0
                    tldextract tldextract python3-tldextract 2
                    tmuxp tmuxp python3-tmuxp 0
                    topplot topplot python3-topplot 0
                    transip transip python3-transip 0
                    trezor trezor python3-trezor 0
                    trufont trufont python3-trufont 0
                    ufonormalizer ufonormalizer python3-ufonormalizer 2
                    userpath userpath python3-userpath 1
                    uvicorn uvicorn python3-uvicorn 1
                    virtualenv virtualenv python3-virtualenv 10
                    wikitrans wikitrans python3-wikitrans 2
                    xattr xattr python3-xattr 2
                    xrayutilities xrayutilities python3-xrayutilities 1
                    yapf yapf3 python3-yapf 0
                    """;
    }
}
