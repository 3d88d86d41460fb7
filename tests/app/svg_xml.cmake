# CTest "graph-svg-xml": the SVG test cases write their pictures into OUT, then Python's expat
# (xml.dom.minidom, Debian's /usr/bin/python3) reads each one; any parse error fails the test.
#   cmake -DTESTS=app-logic-tests -DOUT=dir -P svg_xml.cmake
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env BACKPROP_SVG_DIR=${OUT} ${TESTS} "--test-case=*SVG*,*dead ReLU*,*escaped*,*heat-strip*,*edges:*"
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the SVG test cases failed")
endif()
file(GLOB pictures "${OUT}/*.svg")
list(LENGTH pictures count)
if(count LESS 6)
  message(FATAL_ERROR "expected at least 6 pictures in ${OUT}, found ${count}")
endif()
execute_process(COMMAND /usr/bin/python3 -c [=[
import sys, xml.dom.minidom
for path in sys.argv[1:]:
    doc = xml.dom.minidom.parse(path)
    root = doc.documentElement
    assert root.tagName == 'svg' and root.getAttribute('version') == '1.1', path
    print('well-formed:', path, len(doc.getElementsByTagName('text')), 'texts,', len(doc.getElementsByTagName('rect')), 'rects')
]=] ${pictures} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "an SVG is not well-formed XML (expat)")
endif()
