package com.chatwebsite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the API has Javadoc with {@code @since}, and what was added after the
 * baseline release says since when: a new type, a new method or constant, a new record component.
 * (What the Javadoc says, who calls and when, is for review; javac's doclint checks references.)
 */
class ApiJavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern SINCE = Pattern.compile("@since (\\d+)\\.(\\d+)\\b");
    private static final Pattern ANNOTATION_LINE = Pattern.compile("(?m)^[ \\t]*@\\w+(\\([^)]*\\))?[ \\t]*\\R");

    private static Properties build;

    @BeforeAll
    static void readBuild() throws IOException {
        build = new Properties();
        try (InputStream in = ApiJavadocTest.class.getResourceAsStream("/build.properties")) {
            build.load(in);
        }
    }

    @Test
    void everyPublicTypeAndPackageHasJavadocWithSince() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : publicTypes(ApiJavadocTest.class.getClassLoader())) {
            String javadoc = javadocOfType(type);
            if (javadoc == null || !SINCE.matcher(javadoc).find()) {
                missing.add(type.getName());
            } else if (notAfterThisVersion(javadoc) != null) {
                missing.add(type.getName() + ": " + notAfterThisVersion(javadoc));
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path info : files.filter(p -> p.endsWith("package-info.java")).toList()) {
                String text = Files.readString(info);
                String javadoc = javadocBefore(text, text.indexOf("\npackage ") + 1);
                if (javadoc == null || !SINCE.matcher(javadoc).find()) {
                    missing.add(info.toString());
                }
            }
        }
        assertEquals(List.of(), missing, "public types without Javadoc and @since (or @since after this version)");
    }

    @Test
    void whatIsNewSinceTheBaselineSaysSince() throws Exception {
        String baseline = build.getProperty("api.baseline.version");
        Path jar = Path.of(build.getProperty("api.baseline.dir")).resolve("plugin-api-" + baseline + ".jar");
        List<String> missing = new ArrayList<>();
        try (URLClassLoader released = new ReleasedApi(jar)) {
            for (Class<?> type : publicTypes(ApiJavadocTest.class.getClassLoader())) {
                Class<?> old;
                try {
                    old = Class.forName(type.getName(), false, released);
                } catch (ClassNotFoundException e) {
                    continue; // a new type: its own @since is checked above
                }
                String source = Files.readString(sourceOf(type));
                Set<String> components = type.isRecord()
                        ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                                .collect(Collectors.toSet())
                        : Set.of();
                for (String member : added(old, type)) {
                    String name = member.substring(member.indexOf(' ') + 1);
                    boolean documented = components.contains(name)
                            ? componentSaysSince(javadocOfType(type), name)
                            : memberSaysSince(source, name);
                    if (!documented) {
                        missing.add(type.getName() + "." + member);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "members added since " + baseline + " without @since (or \"since\" in the"
                + " record's @param of a new component)");
    }

    /** Loads this API's packages from the baseline jar, everything else (pf4j, the JDK) as the test does. */
    private static final class ReleasedApi extends URLClassLoader {
        ReleasedApi(Path jar) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, ApiJavadocTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.chatwebsite.api.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    /** Public and protected methods and fields of {@code now} not in {@code old}, as "method name" or "field name". */
    private static Set<String> added(Class<?> old, Class<?> now) {
        Set<String> before = signatures(old);
        Set<String> after = signatures(now);
        after.removeAll(before);
        return after.stream().map(s -> s.substring(0, s.indexOf('('))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> signatures(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m) && !m.isSynthetic()) {
                out.add("method " + m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")")));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f) && !f.isSynthetic()) {
                out.add("field " + f.getName() + "()");
            }
        }
        return out;
    }

    private static boolean visible(Member member) {
        return (member.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
    }

    private static boolean componentSaysSince(String recordJavadoc, String component) {
        Matcher param = Pattern.compile("@param " + component + "\\b([^@]*)").matcher(recordJavadoc);
        return param.find() && param.group(1).contains("since");
    }

    private static boolean memberSaysSince(String source, String name) {
        Matcher declaration = Pattern.compile(
                "(?m)^[ \\t]+[\\w<>\\[\\],.? ]*\\b" + Pattern.quote(name) + "\\b\\s*[(=;]").matcher(source);
        while (declaration.find()) {
            String javadoc = javadocBefore(source, declaration.start());
            if (javadoc != null && SINCE.matcher(javadoc).find()) {
                return true;
            }
        }
        return false;
    }

    private static String notAfterThisVersion(String javadoc) {
        String[] version = build.getProperty("project.version").split("[.-]");
        int major = Integer.parseInt(version[0]);
        int minor = Integer.parseInt(version[1]);
        Matcher since = SINCE.matcher(javadoc);
        while (since.find()) {
            int sMajor = Integer.parseInt(since.group(1));
            int sMinor = Integer.parseInt(since.group(2));
            if (sMajor > major || sMajor == major && sMinor > minor) {
                return since.group() + " is after this API version " + build.getProperty("project.version");
            }
        }
        return null;
    }

    private static List<Class<?>> publicTypes(ClassLoader loader) throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, loader);
                if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass() && !type.isSynthetic()) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static Path sourceOf(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return SOURCES.resolve(top.getName().replace('.', '/') + ".java");
    }

    private static String javadocOfType(Class<?> type) throws IOException {
        String source = Files.readString(sourceOf(type));
        Matcher declaration = Pattern.compile("(?m)^[ \\t]*(?:(?:public|protected|static|final|abstract|sealed|"
                + "non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+"
                + Pattern.quote(type.getSimpleName()) + "\\b").matcher(source);
        return declaration.find() ? javadocBefore(source, declaration.start()) : null;
    }

    /** The Javadoc comment that ends right before {@code position}, skipping annotations; null if none. */
    private static String javadocBefore(String source, int position) {
        String before = ANNOTATION_LINE.matcher(source.substring(0, position)).replaceAll("").stripTrailing();
        if (!before.endsWith("*/")) {
            return null;
        }
        int start = before.lastIndexOf("/**");
        return start < 0 ? null : before.substring(start);
    }
}
